package vn.ubkt.casework.events.cases;

/** The cases in which discipline is postponed or not considered (HD 08-HD/TW, 2025). */
public enum PostponementReason {
    PREGNANCY_OR_CHILDCARE,
    INPATIENT_TREATMENT,
    MISSING,
    DECEASED,
    APPROVED_INNOVATION,
    FOLLOWED_SUPERIOR_AFTER_OBJECTION
}
