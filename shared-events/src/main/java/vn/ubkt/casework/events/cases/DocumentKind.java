package vn.ubkt.casework.events.cases;

/**
 * The official document each step of a case produces (OUTPUTS.md "The documents of a case"), with the type code
 * its number carries (QĐ quyết định, KH kế hoạch, BC báo cáo, TB thông báo, BB biên bản). A document the
 * commission does not issue itself (the subject's explanation) has no number.
 */
public enum DocumentKind {
    PLAN("KH"),
    OPENING_DECISION("QĐ"),
    EXPLANATION_REPORT(null),
    FINDINGS_REPORT("BC"),
    CONCLUSION_NOTICE("TB"),
    DISCIPLINE_DECISION("QĐ"),
    BALLOT_RECORD("BB"),
    APPEAL_DECISION("QĐ"),
    DENUNCIATION_NOTICE("TB");

    private final String typeCode;

    DocumentKind(String typeCode) {
        this.typeCode = typeCode;
    }

    /** The code before the issuing body's symbol in the number ("12-QĐ/UBKTTU"), or null when not numbered. */
    public String typeCode() {
        return typeCode;
    }

    public boolean numbered() {
        return typeCode != null;
    }
}
