package vn.ubkt.casework.events.complaints;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/**
 * A member of staff asked to see who sent the letter, and why. The first of the two people a reveal takes; the
 * identity itself is never in an event.
 */
@Revision("1")
public record IdentityRevealRequested(
        ComplaintId complaintId,
        IdentityRequestId requestId,
        String requestedBy,
        String reason,
        Instant requestedAt) implements ComplaintEvent {

    public IdentityRevealRequested {
        Require.present(complaintId, "complaintId");
        Require.present(requestId, "requestId");
        Require.text(requestedBy, "requestedBy");
        Require.text(reason, "reason");
        Require.present(requestedAt, "requestedAt");
    }
}
