package vn.ubkt.casework.events.cases;

/** Tố cáo đúng, đúng một phần, sai, không có cơ sở. */
public enum DenunciationResult { TRUE, PARTLY_TRUE, FALSE, UNFOUNDED }
