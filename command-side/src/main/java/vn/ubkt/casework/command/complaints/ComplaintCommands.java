package vn.ubkt.casework.command.complaints;

import java.time.LocalDate;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.complaints.ComplaintId;
import vn.ubkt.casework.events.complaints.DismissalReason;

final class ComplaintCommands {

    private ComplaintCommands() {
    }

    /** Who sent the letter: confidential, never put in an event. */
    record Denouncer(String name, String address, String phone) {
    }

    record ReceiveComplaint(ComplaintId complaintId, CommitteeId committeeId, LocalDate receivedOn, boolean anonymous,
                            Denouncer denouncer, Subject accused, String content) {
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

    record ComplaintResult(String id, String status, long version, String caseId) {
    }
}
