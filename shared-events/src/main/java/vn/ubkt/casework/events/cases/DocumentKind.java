package vn.ubkt.casework.events.cases;

import java.util.EnumSet;
import java.util.Set;

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

    /**
     * The documents a step records (OUTPUTS.md "The documents of a case"): once {@code event} is in a case's record,
     * the case may issue them. The one place that says so: the aggregate refuses a document before its step with it,
     * and the pages offer what it answers. {@code type} is the case's type (a denunciation's conclusion is a notice on
     * the denunciation).
     */
    public static Set<DocumentKind> recordedBy(CaseEvent event, CaseType type) {
        if (event instanceof CasePlanned) {
            return EnumSet.of(PLAN);
        } else if (event instanceof CaseOpened) {
            return EnumSet.of(OPENING_DECISION);
        } else if (event instanceof ExplanationRecorded) {
            return EnumSet.of(EXPLANATION_REPORT);
        } else if (event instanceof FindingsRecorded) {
            return EnumSet.of(FINDINGS_REPORT);
        } else if (event instanceof CaseConcluded) {
            return EnumSet.of(type == CaseType.DENUNCIATION ? DENUNCIATION_NOTICE : CONCLUSION_NOTICE);
        } else if (event instanceof DisciplineDecided) {
            return EnumSet.of(DISCIPLINE_DECISION, BALLOT_RECORD);
        } else if (event instanceof DisciplineNotImposed) {
            return EnumSet.of(BALLOT_RECORD);
        } else if (event instanceof AppealResolved) {
            return EnumSet.of(APPEAL_DECISION);
        }
        // every other step records no document of its own (a hearing's minutes are evidence, added as a file)
        return EnumSet.noneOf(DocumentKind.class);
    }
}
