package vn.ubkt.casework.events.complaints;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/** The complaint was sent to the competent committee, which now holds it. */
@Revision("1")
public record ComplaintTransferred(
        ComplaintId complaintId,
        LocalDate transferredOn,
        CommitteeId fromCommitteeId,
        CommitteeId toCommitteeId,
        String reason) implements ComplaintEvent {

    public ComplaintTransferred {
        Require.present(complaintId, "complaintId");
        Require.present(transferredOn, "transferredOn");
        Require.present(fromCommitteeId, "fromCommitteeId");
        Require.present(toCommitteeId, "toCommitteeId");
        Require.text(reason, "reason");
    }
}
