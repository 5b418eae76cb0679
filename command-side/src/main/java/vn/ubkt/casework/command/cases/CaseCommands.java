package vn.ubkt.casework.command.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.cases.AppealChangeReason;
import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DenunciationResult;
import vn.ubkt.casework.events.cases.DocumentKind;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.Evidence;
import vn.ubkt.casework.events.cases.LegalHandling;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.PostponementReason;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.cases.TeamMember;
import vn.ubkt.casework.events.cases.TransferCause;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.files.StoredFile;

/** The commands of the case lifecycle, one per step; their events are the past tense of the same verbs. */
final class CaseCommands {

    private CaseCommands() {
    }

    record PlanCase(CaseId caseId, CaseType type, CommitteeId committeeId, Subject subject, String content,
                    String planRef, LocalDate plannedOn, LocalDate plannedFrom, LocalDate plannedTo, CaseOrigin origin) {
        PlanCase {
            Require.present(caseId, "caseId");
            Require.present(type, "type");
            Require.present(committeeId, "committeeId");
            Require.present(subject, "subject");
            Require.present(origin, "origin");
        }
    }

    record OpenCase(@TargetAggregateIdentifier CaseId caseId, LocalDate openedOn, String decisionRef,
                    List<TeamMember> team, String leadMemberId) {
    }

    record RecordExplanation(@TargetAggregateIdentifier CaseId caseId, LocalDate submittedOn, String summary) {
    }

    record RecordFindings(@TargetAggregateIdentifier CaseId caseId, LocalDate recordedOn, String summary,
                          List<Evidence> evidence) {
    }

    record Escalation(String planRef, LocalDate plannedFrom, LocalDate plannedTo) {
    }

    record ConcludeCase(@TargetAggregateIdentifier CaseId caseId, LocalDate concludedOn, String conclusionRef,
                        Outcome outcome, List<ViolationCategory> violationCategories, LocalDate violationFrom,
                        LocalDate violationTo, boolean disciplineWarranted, String summary,
                        DenunciationResult denunciationResult, Escalation escalation, CaseId escalatedCaseId,
                        Boolean referredToInvestigation, Long amountInViolation, Long amountRecovered) {

        ConcludeCase(CaseId caseId, LocalDate concludedOn, String conclusionRef, Outcome outcome,
                     List<ViolationCategory> violationCategories, LocalDate violationFrom, LocalDate violationTo,
                     boolean disciplineWarranted, String summary, DenunciationResult denunciationResult,
                     Escalation escalation, CaseId escalatedCaseId) {
            this(caseId, concludedOn, conclusionRef, outcome, violationCategories, violationFrom, violationTo,
                    disciplineWarranted, summary, denunciationResult, escalation, escalatedCaseId, null, null, null);
        }
    }

    record HearSubject(@TargetAggregateIdentifier CaseId caseId, LocalDate heardOn, String statement,
                       DisciplineForm proposedForm) {
    }

    record WaiveHearing(@TargetAggregateIdentifier CaseId caseId, LocalDate heardOn, String reason) {
    }

    /** Votes by form; {@code none} counts the votes for no discipline. */
    record Ballot(Map<DisciplineForm, Integer> votes, int none) {
        Ballot {
            votes = Map.copyOf(votes);
        }

        int total() {
            return votes.values().stream().mapToInt(Integer::intValue).sum() + none;
        }

        Map<String, Integer> asRecorded() {
            Map<String, Integer> recorded = new java.util.TreeMap<>();
            votes.forEach((form, count) -> recorded.put(form.name(), count));
            recorded.put("NONE", none);
            return recorded;
        }
    }

    record ProposeDiscipline(@TargetAggregateIdentifier CaseId caseId, LocalDate proposedOn, DisciplineForm form,
                             CommitteeId proposingCommitteeId, CommitteeId toCommitteeId, String reasons,
                             Ballot ballot, Integer eligibleVoters) {
    }

    record DecideDiscipline(@TargetAggregateIdentifier CaseId caseId, LocalDate decidedOn,
                            CommitteeId decidingCommitteeId, String decisionRef, int eligibleVoters, Ballot ballot,
                            LocalDate announcedOn, LocalDate effectiveOn, LegalHandling legalHandling,
                            Boolean administrativeHandling) {

        DecideDiscipline(CaseId caseId, LocalDate decidedOn, CommitteeId decidingCommitteeId, String decisionRef,
                         int eligibleVoters, Ballot ballot, LocalDate announcedOn, LocalDate effectiveOn) {
            this(caseId, decidedOn, decidingCommitteeId, decisionRef, eligibleVoters, ballot, announcedOn, effectiveOn,
                    null, null);
        }
    }

    /** {@code until}: the day the postponement ends, when known; a later postponement may set it. */
    record PostponeDiscipline(@TargetAggregateIdentifier CaseId caseId, LocalDate postponedOn,
                              PostponementReason reason, String note, LocalDate until) {

        PostponeDiscipline(CaseId caseId, LocalDate postponedOn, PostponementReason reason, String note) {
            this(caseId, postponedOn, reason, note, null);
        }
    }

    record FileAppeal(@TargetAggregateIdentifier CaseId caseId, LocalDate filedOn, LocalDate decisionReceivedOn,
                      String grounds) {
    }

    record ResolveAppeal(@TargetAggregateIdentifier CaseId caseId, LocalDate resolvedOn,
                         CommitteeId resolvingCommitteeId, String decisionRef, AppealResult result,
                         DisciplineForm newForm, AppealChangeReason changeReason) {

        ResolveAppeal(CaseId caseId, LocalDate resolvedOn, CommitteeId resolvingCommitteeId, String decisionRef,
                      AppealResult result, DisciplineForm newForm) {
            this(caseId, resolvedOn, resolvingCommitteeId, decisionRef, result, newForm, null);
        }
    }

    /** {@code cause} is set only by a dissolution; otherwise a transfer upward is a take-over. */
    record TransferCase(@TargetAggregateIdentifier CaseId caseId, LocalDate transferredOn, CommitteeId toCommitteeId,
                        String reason, TransferCause cause) {
    }

    record WithdrawCase(@TargetAggregateIdentifier CaseId caseId, LocalDate withdrawnOn, String reason) {
    }

    record CloseCase(@TargetAggregateIdentifier CaseId caseId, LocalDate closedOn) {
    }

    /** What a step answers: the status and the case's event sequence number after it. */
    record StepResult(String id, String status, long version) {
    }

    record ConclusionResult(String id, String status, long version, String escalatedCaseId) {
    }

    record DecisionResult(String id, String status, long version, String outcome, DisciplineForm form, String reason) {
    }

    /** Drafts the step's document and gives it its number and date, or records the number of one issued outside. */
    record IssueDocument(@TargetAggregateIdentifier CaseId caseId, String documentId, DocumentKind kind,
                         LocalDate issuedOn, String externalNumber) {
        IssueDocument {
            Require.present(caseId, "caseId");
            Require.text(documentId, "documentId");
            Require.present(kind, "kind");
        }
    }

    record FinalizeDocument(@TargetAggregateIdentifier CaseId caseId, String documentId, StoredFile file) {
        FinalizeDocument {
            Require.present(caseId, "caseId");
            Require.text(documentId, "documentId");
            Require.present(file, "file");
        }
    }

    record AddAttachment(@TargetAggregateIdentifier CaseId caseId, String attachmentId, StoredFile file,
                         String description, String supersedes) {
        AddAttachment {
            Require.present(caseId, "caseId");
            Require.text(attachmentId, "attachmentId");
            Require.present(file, "file");
        }
    }

    record DocumentResult(String documentId, DocumentKind kind, String number, LocalDate issuedOn, String status,
                          long version) {
    }

    record FinalResult(String documentId, String status, String sha256, long size, int finalVersion, long version) {
    }

    record AttachmentResult(String attachmentId, String name, long size, String sha256, long version) {
    }
}
