package vn.ubkt.casework.events.complaints;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/**
 * A custodian, not the requester, approved a request: from {@code approvedAt}, for the deployment's reveal lifetime,
 * the requester may read the identity.
 */
@Revision("1")
public record IdentityRevealApproved(
        ComplaintId complaintId,
        IdentityRequestId requestId,
        String approvedBy,
        String reason,
        Instant approvedAt) implements ComplaintEvent {

    public IdentityRevealApproved {
        Require.present(complaintId, "complaintId");
        Require.present(requestId, "requestId");
        Require.text(approvedBy, "approvedBy");
        Require.text(reason, "reason");
        Require.present(approvedAt, "approvedAt");
    }
}
