package vn.ubkt.casework.events.complaints;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/**
 * The denouncer's identity was erased from the confidential store (its key destroyed, so no copy can be decrypted);
 * the event itself names nobody. Requests and approvals before it can no longer reveal anything.
 */
@Revision("1")
public record DenouncerIdentityErased(ComplaintId complaintId, LocalDate erasedOn, String reason) implements ComplaintEvent {

    public DenouncerIdentityErased {
        Require.present(complaintId, "complaintId");
        Require.present(erasedOn, "erasedOn");
        Require.text(reason, "reason");
    }
}
