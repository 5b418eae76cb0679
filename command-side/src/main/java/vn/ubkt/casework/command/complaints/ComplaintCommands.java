package vn.ubkt.casework.command.complaints;

import vn.ubkt.casework.events.complaints.WriterKind;
import java.time.LocalDate;
import vn.ubkt.casework.access.vault.DenouncerIdentity;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.complaints.ComplaintId;
import vn.ubkt.casework.events.complaints.DismissalReason;
import vn.ubkt.casework.events.complaints.IdentityRequestId;

final class ComplaintCommands {

    private ComplaintCommands() {
    }

    /** {@code denouncer} is confidential: sealed in the vault, never put in an event (its toString names nobody). */
    record ReceiveComplaint(ComplaintId complaintId, CommitteeId committeeId, LocalDate receivedOn, boolean anonymous,
                            DenouncerIdentity denouncer, Subject accused, String content, WriterKind writerKind) {

        ReceiveComplaint(ComplaintId complaintId, CommitteeId committeeId, LocalDate receivedOn, boolean anonymous,
                         DenouncerIdentity denouncer, Subject accused, String content) {
            this(complaintId, committeeId, receivedOn, anonymous, denouncer, accused, content, null);
        }
    }

    record AcceptComplaint(ComplaintId complaintId, LocalDate acceptedOn, String planRef, LocalDate plannedFrom,
                           LocalDate plannedTo, CaseId caseId) {
    }

    record TransferComplaint(ComplaintId complaintId, LocalDate transferredOn, CommitteeId toCommitteeId, String reason) {
    }

    record DismissComplaint(ComplaintId complaintId, LocalDate dismissedOn, DismissalReason reason, String note) {
    }

    record EraseDenouncer(ComplaintId complaintId, LocalDate erasedOn, String reason) {
    }

    /** The acting users come from the signed-in user, never from a request body. */
    record RequestIdentityReveal(ComplaintId complaintId, IdentityRequestId requestId, String requestedBy, String reason) {
    }

    record ApproveIdentityReveal(ComplaintId complaintId, IdentityRequestId requestId, String approvedBy, String reason) {
    }

    record DenyIdentityReveal(ComplaintId complaintId, IdentityRequestId requestId, String deniedBy, String reason) {
    }

    record ComplaintResult(String id, String status, long version, String caseId) {
    }

    record IdentityRequestResult(String id, String requestId, String status, long version) {
    }

    record AddComplaintAttachment(ComplaintId complaintId, String attachmentId,
                                  vn.ubkt.casework.events.files.StoredFile file, String description, String supersedes,
                                  boolean revealsDenouncer) {
    }

    record AttachmentResult(String attachmentId, String name, long size, String sha256, boolean revealsDenouncer,
                            long version) {
    }
}
