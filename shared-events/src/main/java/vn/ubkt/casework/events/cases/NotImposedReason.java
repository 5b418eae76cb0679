package vn.ubkt.casework.events.cases;

/** Why a body that decided did not impose discipline; an outcome the business audits. */
public enum NotImposedReason {
    /** The form voted exceeds the time limit of R-LIMITATION. */
    TIME_LIMIT_EXPIRED,
    /** No form reached the majority, even counted from the heaviest down (R-BALLOT). */
    NO_FORM_PASSED,
    /** The body decided that a postponement case (HD 08) applies and no discipline is imposed. */
    POSTPONEMENT_CASE
}
