package vn.ubkt.casework.query.casedetail;

import vn.ubkt.casework.events.cases.CaseType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.ubkt.casework.events.cases.Subject;

/**
 * Everything known of a case, folded from its events ({@link CaseFold}); stored as JSON by the case-detail
 * projection and rebuilt from the event store for {@code asOf} reads. The read model's own vocabulary:
 * statuses and outcomes are plain codes here.
 */
public class CaseDocument {

    public String id;
    public CaseType type;
    public String committeeId;
    public Subject subject;
    public String content;
    public String planRef;
    public LocalDate plannedOn;
    public LocalDate plannedFrom;
    public LocalDate plannedTo;
    public Origin origin;
    public CaseStage status;
    public Opening opening;
    public List<Note> explanations = new ArrayList<>();
    public List<Findings> findings = new ArrayList<>();
    public Conclusion conclusion;
    public String escalatedCaseId;
    public List<Hearing> hearings = new ArrayList<>();
    public List<Proposal> proposals = new ArrayList<>();
    public List<Decision> decisions = new ArrayList<>();
    public InForce disciplineInForce;
    public List<Postponement> postponements = new ArrayList<>();
    public List<Appeal> appeals = new ArrayList<>();
    public List<Transfer> transfers = new ArrayList<>();
    public Withdrawal withdrawal;
    public LocalDate closedOn;
    public List<DeadlineEntry> deadlines = new ArrayList<>();
    /** The case file (hồ sơ vụ việc): every document and attachment, in the order they were recorded. */
    public List<FileEntry> file = new ArrayList<>();
    public long version = -1;
    public Instant lastRecordedAt;

    public record Origin(String kind, String complaintId, String supervisionCaseId) {
    }

    public record Opening(LocalDate openedOn, String decisionRef, List<Member> team, String leadMemberId) {
    }

    public record Member(String memberId, String fullName) {
    }

    public record Note(LocalDate submittedOn, String summary) {
    }

    public record Findings(LocalDate recordedOn, String summary, List<Evidence> evidence) {
    }

    public record Evidence(String ref, String sha256) {
    }

    public record Conclusion(LocalDate concludedOn, String conclusionRef, String outcome, List<String> violationCategories,
                             LocalDate violationFrom, LocalDate violationTo, boolean disciplineWarranted, String summary,
                             String denunciationResult, Boolean referredToInvestigation, Long amountInViolation,
                             Long amountRecovered) {
    }

    public record Hearing(LocalDate heardOn, boolean waived, String statement, String proposedForm, String reason) {
    }

    public record Proposal(LocalDate proposedOn, String form, String proposingCommitteeId, String toCommitteeId,
                           String reasons, Map<String, Integer> ballot, String rulebookVersion) {
    }

    /** An imposed decision ({@code outcome} IMPOSED with its form) or one that imposed nothing, with the reason. */
    public record Decision(LocalDate decidedOn, String decidingCommitteeId, String decisionRef, int eligibleVoters,
                           Map<String, Integer> ballot, String outcome, String form, String notImposedReason,
                           LocalDate announcedOn, LocalDate effectiveOn, String rulebookVersion, String legalHandling,
                           Boolean administrativeHandling) {
    }

    /** The discipline in force now: the decided form, or the form an appeal left in place. */
    public record InForce(String form, LocalDate decidedOn, String decidingCommitteeId, LocalDate effectiveOn,
                          String changedByAppealOn) {
    }

    public record Postponement(LocalDate postponedOn, String reason, String note, LocalDate until) {
    }

    public record Appeal(LocalDate filedOn, LocalDate decisionReceivedOn, String grounds, Resolution resolution) {
    }

    public record Resolution(LocalDate resolvedOn, String resolvingCommitteeId, String decisionRef, String result,
                             String previousForm, String newForm, String changeReason) {
    }

    public record Transfer(LocalDate transferredOn, String fromCommitteeId, String toCommitteeId, String reason,
                           String cause) {
    }

    public record Withdrawal(LocalDate withdrawnOn, String reason) {
    }

    /** A time limit a step opened (R-DEADLINES); it stays open until the step it waits for happens. */
    public static class DeadlineEntry {
        public String kind;
        public LocalDate dueOn;
        public String rule;
        public String rulebookVersion;
        public boolean open;
        public LocalDate metOn;
    }

    /**
     * One item of the case file. A DOCUMENT is drafted from the case's facts (number, date, the "Căn cứ" lines of
     * the rulebook in force) and is FINAL once its signed copy is uploaded, the latest upload's file shown here and
     * every upload kept in {@code finals}; an ATTACHMENT is evidence as uploaded.
     */
    public static class FileEntry {
        public int position;
        public String type;
        public String id;
        public String kind;
        public String number;
        public Integer serial;
        public String term;
        public boolean external;
        public LocalDate issuedOn;
        public String issuingCommitteeId;
        public List<String> bases = new ArrayList<>();
        public String rulebookVersion;
        public String status;
        public String description;
        public String supersedes;
        public StoredFileView stored;
        public List<StoredFileView> finals = new ArrayList<>();
        public Instant recordedAt;
        public long sequence;
    }

    public record StoredFileView(int version, String name, String contentType, long size, String sha256,
                                 String storageKey, String uploadedBy, Instant recordedAt) {
    }
}
