package vn.ubkt.casework.events.complaints;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** A custodian, not the requester, denied a request, with the reason. */
@Revision("1")
public record IdentityRevealDenied(
        ComplaintId complaintId,
        IdentityRequestId requestId,
        String deniedBy,
        String reason,
        Instant deniedAt) implements ComplaintEvent {

    public IdentityRevealDenied {
        Require.present(complaintId, "complaintId");
        Require.present(requestId, "requestId");
        Require.text(deniedBy, "deniedBy");
        Require.text(reason, "reason");
        Require.present(deniedAt, "deniedAt");
    }
}
