package vn.ubkt.casework.query.statistics;

/**
 * Whose figures: {@code ACTOR} counts the cases a committee (or those under it) acted on, {@code SUBJECT} the cases
 * about organizations and members under it, whoever acted (API.md "Statistics and reports").
 */
public enum Perspective {
    ACTOR, SUBJECT
}
