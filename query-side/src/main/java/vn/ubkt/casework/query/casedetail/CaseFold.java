package vn.ubkt.casework.query.casedetail;

import java.time.Instant;
import java.time.LocalDate;
import vn.ubkt.casework.events.cases.AppealFiled;
import vn.ubkt.casework.events.cases.AttachmentAdded;
import vn.ubkt.casework.events.cases.DocumentFinalized;
import vn.ubkt.casework.events.cases.DocumentIssued;
import vn.ubkt.casework.events.files.StoredFile;
import vn.ubkt.casework.events.cases.AppealResolved;
import vn.ubkt.casework.events.cases.CaseClosed;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseEscalated;
import vn.ubkt.casework.events.cases.CaseEvent;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseTransferred;
import vn.ubkt.casework.events.cases.CaseWithdrawn;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineNotImposed;
import vn.ubkt.casework.events.cases.DisciplinePostponed;
import vn.ubkt.casework.events.cases.DisciplineProposed;
import vn.ubkt.casework.events.cases.ExplanationRecorded;
import vn.ubkt.casework.events.cases.FindingsRecorded;
import vn.ubkt.casework.events.cases.HearingWaived;
import vn.ubkt.casework.events.cases.SubjectHeard;

/**
 * Folds one case event into the case's document. Pure: the live projection and the time-travelling read
 * both use it, so a case "as of" an instant is exactly the live case stopped at that instant.
 */
final class CaseFold {

    private CaseFold() {
    }

    static void apply(CaseDocument doc, CaseEvent event, long sequence, Instant recordedAt) {
        if (event instanceof CasePlanned e) {
            doc.id = e.caseId().value();
            doc.type = e.type();
            doc.committeeId = e.committeeId().value();
            doc.subject = e.subject();
            doc.content = e.content();
            doc.planRef = e.planRef();
            doc.plannedOn = e.plannedOn();
            doc.plannedFrom = e.plannedFrom();
            doc.plannedTo = e.plannedTo();
            doc.origin = new CaseDocument.Origin(e.origin().kind().name(),
                    e.origin().complaintId() == null ? null : e.origin().complaintId().value(),
                    e.origin().supervisionCaseId() == null ? null : e.origin().supervisionCaseId().value());
            doc.status = CaseStage.PLANNED;
            e.deadlines().forEach(deadline -> open(doc, deadline));
        } else if (event instanceof CaseOpened e) {
            doc.status = CaseStage.OPEN;
            doc.opening = new CaseDocument.Opening(e.openedOn(), e.decisionRef(),
                    e.team().stream().map(t -> new CaseDocument.Member(t.memberId(), t.fullName())).toList(),
                    e.leadMemberId());
        } else if (event instanceof ExplanationRecorded e) {
            doc.explanations.add(new CaseDocument.Note(e.submittedOn(), e.summary()));
        } else if (event instanceof FindingsRecorded e) {
            doc.findings.add(new CaseDocument.Findings(e.recordedOn(), e.summary(),
                    e.evidence().stream().map(ev -> new CaseDocument.Evidence(ev.ref(), ev.sha256())).toList()));
        } else if (event instanceof CaseConcluded e) {
            doc.status = CaseStage.CONCLUDED;
            doc.conclusion = new CaseDocument.Conclusion(e.concludedOn(), e.conclusionRef(), e.outcome().name(),
                    e.violationCategories().stream().map(Enum::name).toList(), e.violationFrom(), e.violationTo(),
                    e.disciplineWarranted(), e.summary(),
                    e.denunciationResult() == null ? null : e.denunciationResult().name(), e.referredToInvestigation(),
                    e.amountInViolation(), e.amountRecovered());
            meet(doc, Deadline.Kind.DENUNCIATION_RESOLUTION, e.concludedOn());
        } else if (event instanceof CaseEscalated e) {
            doc.status = CaseStage.ESCALATED;
            doc.escalatedCaseId = e.inspectionCaseId().value();
        } else if (event instanceof SubjectHeard e) {
            doc.hearings.add(new CaseDocument.Hearing(e.heardOn(), false, e.statement(),
                    e.proposedForm() == null ? null : e.proposedForm().name(), null));
        } else if (event instanceof HearingWaived e) {
            doc.hearings.add(new CaseDocument.Hearing(e.heardOn(), true, null, null, e.reason()));
        } else if (event instanceof DisciplineProposed e) {
            doc.status = CaseStage.DISCIPLINE_PROPOSED;
            doc.proposals.add(new CaseDocument.Proposal(e.proposedOn(), e.form().name(), e.proposingCommitteeId().value(),
                    e.toCommitteeId().value(), e.reasons(), e.ballot(), e.rulebookVersion()));
        } else if (event instanceof DisciplineDecided e) {
            doc.status = CaseStage.DECIDED;
            doc.decisions.add(new CaseDocument.Decision(e.decidedOn(), e.decidingCommitteeId().value(), e.decisionRef(),
                    e.eligibleVoters(), e.ballot(), "IMPOSED", e.form().name(), null, e.announcedOn(), e.effectiveOn(),
                    e.rulebookVersion(), e.legalHandling() == null ? null : e.legalHandling().name(),
                    e.administrativeHandling()));
            doc.disciplineInForce = new CaseDocument.InForce(e.form().name(), e.decidedOn(),
                    e.decidingCommitteeId().value(), e.effectiveOn(), null);
            e.deadlines().forEach(deadline -> open(doc, deadline));
        } else if (event instanceof DisciplineNotImposed e) {
            doc.status = CaseStage.DECIDED;
            doc.decisions.add(new CaseDocument.Decision(e.decidedOn(), e.decidingCommitteeId().value(), e.decisionRef(),
                    e.eligibleVoters(), e.ballot(), "NOT_IMPOSED", e.votedForm() == null ? null : e.votedForm().name(),
                    e.reason().name(), null, null, e.rulebookVersion(), null, null));
        } else if (event instanceof DisciplinePostponed e) {
            doc.postponements.add(new CaseDocument.Postponement(e.postponedOn(), e.reason().name(), e.note(), e.until()));
        } else if (event instanceof AppealFiled e) {
            doc.status = CaseStage.APPEALED;
            doc.appeals.add(new CaseDocument.Appeal(e.filedOn(), e.decisionReceivedOn(), e.grounds(), null));
            meet(doc, Deadline.Kind.APPEAL_WINDOW, e.filedOn());
            e.deadlines().forEach(deadline -> open(doc, deadline));
        } else if (event instanceof AppealResolved e) {
            doc.status = CaseStage.DECIDED;
            int last = doc.appeals.size() - 1;
            CaseDocument.Appeal appeal = doc.appeals.get(last);
            doc.appeals.set(last, new CaseDocument.Appeal(appeal.filedOn(), appeal.decisionReceivedOn(), appeal.grounds(),
                    new CaseDocument.Resolution(e.resolvedOn(), e.resolvingCommitteeId().value(), e.decisionRef(),
                            e.result().name(), e.previousForm().name(), e.newForm() == null ? null : e.newForm().name(),
                            e.changeReason() == null ? null : e.changeReason().name())));
            CaseDocument.InForce before = doc.disciplineInForce;
            doc.disciplineInForce = e.newForm() == null ? null : new CaseDocument.InForce(e.newForm().name(),
                    before == null ? null : before.decidedOn(), before == null ? null : before.decidingCommitteeId(),
                    before == null ? null : before.effectiveOn(), e.resolvedOn().toString());
            meet(doc, Deadline.Kind.APPEAL_RESOLUTION, e.resolvedOn());
        } else if (event instanceof CaseTransferred e) {
            doc.committeeId = e.toCommitteeId().value();
            doc.transfers.add(new CaseDocument.Transfer(e.transferredOn(), e.fromCommitteeId().value(),
                    e.toCommitteeId().value(), e.reason(), e.cause().name()));
        } else if (event instanceof CaseWithdrawn e) {
            doc.status = CaseStage.WITHDRAWN;
            doc.withdrawal = new CaseDocument.Withdrawal(e.withdrawnOn(), e.reason());
            meetAll(doc, e.withdrawnOn());
        } else if (event instanceof CaseClosed e) {
            doc.status = CaseStage.CLOSED;
            doc.closedOn = e.closedOn();
            meetAll(doc, e.closedOn());
        } else if (event instanceof DocumentIssued e) {
            CaseDocument.FileEntry entry = entry(doc, "DOCUMENT", e.documentId(), sequence, recordedAt);
            entry.kind = e.kind().name();
            entry.number = e.number();
            entry.serial = e.serial();
            entry.term = e.term();
            entry.external = e.external();
            entry.issuedOn = e.issuedOn();
            entry.issuingCommitteeId = e.issuingCommitteeId().value();
            entry.bases = new java.util.ArrayList<>(e.bases());
            entry.rulebookVersion = e.rulebookVersion();
            entry.status = "DRAFT";
        } else if (event instanceof DocumentFinalized e) {
            doc.file.stream().filter(f -> f.id.equals(e.documentId())).findFirst().ifPresent(entry -> {
                entry.status = "FINAL";
                entry.stored = stored(e.version(), e.file(), recordedAt);
                entry.finals.add(entry.stored);
            });
        } else if (event instanceof AttachmentAdded e) {
            CaseDocument.FileEntry entry = entry(doc, "ATTACHMENT", e.attachmentId(), sequence, recordedAt);
            entry.description = e.description();
            entry.supersedes = e.supersedes();
            entry.stored = stored(1, e.file(), recordedAt);
            entry.finals = null;
        } else {
            // an event the fold does not know would vanish from every case: CaseFoldTest fails first
            throw new IllegalStateException("CaseFold does not fold " + event.getClass().getSimpleName());
        }
        doc.version = sequence;
        doc.lastRecordedAt = recordedAt;
    }

    private static CaseDocument.FileEntry entry(CaseDocument doc, String type, String id, long sequence, Instant recordedAt) {
        CaseDocument.FileEntry entry = new CaseDocument.FileEntry();
        entry.position = doc.file.size() + 1;
        entry.type = type;
        entry.id = id;
        entry.sequence = sequence;
        entry.recordedAt = recordedAt;
        doc.file.add(entry);
        return entry;
    }

    private static CaseDocument.StoredFileView stored(int version, StoredFile file, Instant recordedAt) {
        return new CaseDocument.StoredFileView(version, file.name(), file.contentType(), file.size(), file.sha256(),
                file.storageKey(), file.uploadedBy(), recordedAt);
    }

    private static void open(CaseDocument doc, Deadline deadline) {
        CaseDocument.DeadlineEntry entry = new CaseDocument.DeadlineEntry();
        entry.kind = deadline.kind().name();
        entry.dueOn = deadline.dueOn();
        entry.rule = deadline.rule();
        entry.rulebookVersion = deadline.rulebookVersion();
        entry.open = true;
        doc.deadlines.add(entry);
    }

    private static void meet(CaseDocument doc, Deadline.Kind kind, LocalDate on) {
        doc.deadlines.stream().filter(d -> d.open && d.kind.equals(kind.name())).forEach(d -> {
            d.open = false;
            d.metOn = on;
        });
    }

    private static void meetAll(CaseDocument doc, LocalDate on) {
        doc.deadlines.stream().filter(d -> d.open).forEach(d -> {
            d.open = false;
            d.metOn = on;
        });
    }
}
