package vn.ubkt.casework.command.complaints;

import vn.ubkt.casework.command.platform.LockUntilCommit;
import vn.ubkt.casework.events.complaints.WriterKind;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ubkt.casework.command.platform.ConflictException;
import vn.ubkt.casework.command.platform.ForbiddenException;
import vn.ubkt.casework.command.platform.NotFoundException;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.command.rules.BusinessDates;
import vn.ubkt.casework.command.rules.RulebookVersion;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.complaints.ComplaintAccepted;
import vn.ubkt.casework.events.complaints.ComplaintDismissed;
import vn.ubkt.casework.events.complaints.ComplaintId;
import vn.ubkt.casework.events.complaints.ComplaintReceived;
import vn.ubkt.casework.events.complaints.ComplaintTransferred;
import vn.ubkt.casework.events.complaints.DenouncerIdentityErased;
import vn.ubkt.casework.events.complaints.IdentityRequestId;
import vn.ubkt.casework.events.complaints.IdentityRevealApproved;
import vn.ubkt.casework.events.complaints.IdentityRevealDenied;
import vn.ubkt.casework.events.complaints.IdentityRevealRequested;

/**
 * A letter received by a committee (đơn thư), until it is accepted as a denunciation case, sent to the
 * competent committee, or dismissed with a reason.
 */
@Aggregate(lockFactory = LockUntilCommit.BEAN)
class Complaint {

    enum Status { RECEIVED, ACCEPTED, DISMISSED }

    /** Where a request to reveal the denouncer stands; only a PENDING one may be decided. */
    enum RevealDecision { PENDING, APPROVED, DENIED }

    private record RevealRequest(String requestedBy, RevealDecision decision) {

        RevealRequest decided(RevealDecision outcome) {
            return new RevealRequest(requestedBy, outcome);
        }
    }

    @AggregateIdentifier
    private ComplaintId id;
    private CommitteeId committeeId;
    private Subject accused;
    private String content;
    private boolean anonymous;
    private String denouncerRef;
    private boolean denouncerErased;
    private LocalDate lastStepOn;
    private Status status;
    private long version;
    private final Map<IdentityRequestId, RevealRequest> revealRequests = new HashMap<>();
    private final java.util.Set<String> attachments = new java.util.HashSet<>();

    protected Complaint() {
        // for Axon
    }

    Complaint(ComplaintId id, CommitteeId committeeId, LocalDate receivedOn, boolean anonymous, String denouncerRef,
              Subject accused, String content, WriterKind writerKind) {
        apply(new ComplaintReceived(id, committeeId, receivedOn, anonymous, denouncerRef, accused, content.strip(),
                writerKind));
    }

    /**
     * Anonymous, forged-name or address-less letters are not handled as denunciations (HD 01-HD/UBKTTW 2016,
     * as reported); they may still inform the planning of an inspection.
     */
    void accept(ComplaintCommands.AcceptComplaint command, boolean denouncerHasAddress, RulebookVersion rules,
                LocalDate today) {
        requireReceived("accept");
        dates(command.acceptedOn(), "acceptedOn", rules, today);
        if (anonymous || !denouncerHasAddress) {
            throw new RuleViolationException("R-INTAKE", rules.source("R-INTAKE"), rules.id(), "anonymous",
                    "complaint.notADenunciation", id);
        }
        apply(new ComplaintAccepted(id, command.acceptedOn(), command.caseId()));
    }

    void transfer(ComplaintCommands.TransferComplaint command, RulebookVersion rules, LocalDate today) {
        requireReceived("transfer");
        dates(command.transferredOn(), "transferredOn", rules, today);
        if (command.toCommitteeId().equals(committeeId)) {
            throw new ConflictException("complaint.alreadyThere", status.name(), List.of("accept", "dismiss"), id,
                    committeeId);
        }
        apply(new ComplaintTransferred(id, command.transferredOn(), committeeId, command.toCommitteeId(),
                command.reason().strip()));
    }

    void dismiss(ComplaintCommands.DismissComplaint command, RulebookVersion rules, LocalDate today) {
        requireReceived("dismiss");
        dates(command.dismissedOn(), "dismissedOn", rules, today);
        apply(new ComplaintDismissed(id, command.dismissedOn(), command.reason(), command.note()));
    }

    /** Answers the reference to erase; refuses when there is no identity on file or it is already gone. */
    String eraseDenouncer(ComplaintCommands.EraseDenouncer command, RulebookVersion rules, LocalDate today) {
        if (denouncerRef == null || denouncerErased) {
            throw new ConflictException(denouncerRef == null ? "complaint.noDenouncer" : "complaint.denouncerErased",
                    status.name(), List.of(), id);
        }
        BusinessDates.notInFuture(rules, command.erasedOn(), today, "erasedOn");
        apply(new DenouncerIdentityErased(id, command.erasedOn(), command.reason().strip()));
        return denouncerRef;
    }

    /**
     * Staff ask to see who sent the letter, saying why. There must be someone to reveal: not an anonymous letter,
     * not an identity already erased.
     */
    void requestIdentityReveal(ComplaintCommands.RequestIdentityReveal command, Instant now) {
        requireIdentityOnFile();
        apply(new IdentityRevealRequested(id, command.requestId(), command.requestedBy(), command.reason().strip(), now));
    }

    /** The second person of a reveal: a custodian who did not ask approves a pending request. */
    void approveIdentityReveal(ComplaintCommands.ApproveIdentityReveal command, Instant now) {
        requirePendingAndDecidedBySomeoneElse(command.requestId(), command.approvedBy());
        requireIdentityOnFile();
        apply(new IdentityRevealApproved(id, command.requestId(), command.approvedBy(), command.reason().strip(), now));
    }

    /** A custodian who did not ask denies a pending request. */
    void denyIdentityReveal(ComplaintCommands.DenyIdentityReveal command, Instant now) {
        requirePendingAndDecidedBySomeoneElse(command.requestId(), command.deniedBy());
        apply(new IdentityRevealDenied(id, command.requestId(), command.deniedBy(), command.reason().strip(), now));
    }

    private void requireIdentityOnFile() {
        if (denouncerRef == null || denouncerErased) {
            throw new ConflictException(denouncerRef == null ? "complaint.noDenouncer" : "complaint.denouncerErased",
                    status.name(), List.of(), id);
        }
    }

    private void requirePendingAndDecidedBySomeoneElse(IdentityRequestId requestId, String decider) {
        RevealRequest request = revealRequests.get(requestId);
        if (request == null) {
            throw new NotFoundException("identityRequest", requestId.value());
        }
        if (request.requestedBy().equals(decider)) {
            throw new ForbiddenException("identity.ownRequest", id, requestId, decider);
        }
        if (request.decision() != RevealDecision.PENDING) {
            throw new ConflictException("complaint.identityRequestDecided", request.decision().name(), List.of(), id,
                    requestId, request.decision());
        }
    }

    /** A file added to the letter, in any status: the letter's scan, an enclosure, a correction of either. */
    ComplaintCommands.AttachmentResult addAttachment(ComplaintCommands.AddComplaintAttachment command) {
        if (command.supersedes() != null && !attachments.contains(command.supersedes())) {
            throw new NotFoundException("attachment", command.supersedes());
        }
        apply(new vn.ubkt.casework.events.complaints.ComplaintAttachmentAdded(id, command.attachmentId(), command.file(),
                command.description() == null || command.description().isBlank() ? null : command.description().strip(),
                command.supersedes(), command.revealsDenouncer()));
        return new ComplaintCommands.AttachmentResult(command.attachmentId(), command.file().name(), command.file().size(),
                command.file().sha256(), command.revealsDenouncer(), version);
    }

    @EventSourcingHandler
    void on(vn.ubkt.casework.events.complaints.ComplaintAttachmentAdded event, @SequenceNumber long sequence) {
        attachments.add(event.attachmentId());
        version = sequence;
    }

    ComplaintCommands.IdentityRequestResult identityRequestResult(IdentityRequestId requestId) {
        return new ComplaintCommands.IdentityRequestResult(id.value(), requestId.value(),
                revealRequests.get(requestId).decision().name(), version);
    }

    CommitteeId committeeId() {
        return committeeId;
    }

    Subject accused() {
        return accused;
    }

    String content() {
        return content;
    }

    String denouncerRef() {
        return denouncerErased ? null : denouncerRef;
    }

    ComplaintCommands.ComplaintResult result(String caseId) {
        return new ComplaintCommands.ComplaintResult(id.value(), status.name(), version, caseId);
    }

    private void requireReceived(String step) {
        if (status != Status.RECEIVED) {
            throw new ConflictException("complaint.status", status.name(), List.of(), id, status, step);
        }
    }

    private void dates(LocalDate date, String field, RulebookVersion rules, LocalDate today) {
        BusinessDates.notInFuture(rules, date, today, field);
        BusinessDates.notBefore(rules, date, lastStepOn, field, "lastStepOn");
    }

    @EventSourcingHandler
    void on(ComplaintReceived event, @SequenceNumber long sequence) {
        id = event.complaintId();
        committeeId = event.committeeId();
        accused = event.accused();
        content = event.content();
        anonymous = event.anonymous();
        denouncerRef = event.denouncerRef();
        lastStepOn = event.receivedOn();
        status = Status.RECEIVED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(ComplaintAccepted event, @SequenceNumber long sequence) {
        status = Status.ACCEPTED;
        lastStepOn = event.acceptedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(ComplaintTransferred event, @SequenceNumber long sequence) {
        committeeId = event.toCommitteeId();
        lastStepOn = event.transferredOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(ComplaintDismissed event, @SequenceNumber long sequence) {
        status = Status.DISMISSED;
        lastStepOn = event.dismissedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(DenouncerIdentityErased event, @SequenceNumber long sequence) {
        denouncerErased = true;
        version = sequence;
    }

    @EventSourcingHandler
    void on(IdentityRevealRequested event, @SequenceNumber long sequence) {
        revealRequests.put(event.requestId(), new RevealRequest(event.requestedBy(), RevealDecision.PENDING));
        version = sequence;
    }

    @EventSourcingHandler
    void on(IdentityRevealApproved event, @SequenceNumber long sequence) {
        revealRequests.computeIfPresent(event.requestId(), (key, request) -> request.decided(RevealDecision.APPROVED));
        version = sequence;
    }

    @EventSourcingHandler
    void on(IdentityRevealDenied event, @SequenceNumber long sequence) {
        revealRequests.computeIfPresent(event.requestId(), (key, request) -> request.decided(RevealDecision.DENIED));
        version = sequence;
    }
}
