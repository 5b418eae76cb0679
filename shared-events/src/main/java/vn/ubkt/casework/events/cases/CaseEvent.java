package vn.ubkt.casework.events.cases;

/** Everything that happens to an inspection, supervision or denunciation case. */
public sealed interface CaseEvent permits CasePlanned, CaseOpened, ExplanationRecorded, FindingsRecorded,
        CaseConcluded, CaseEscalated, SubjectHeard, HearingWaived, DisciplineProposed, DisciplineDecided,
        DisciplineNotImposed, DisciplinePostponed, AppealFiled, AppealResolved, CaseTransferred, CaseWithdrawn,
        CaseClosed, DocumentIssued, DocumentFinalized, AttachmentAdded {

    CaseId caseId();
}
