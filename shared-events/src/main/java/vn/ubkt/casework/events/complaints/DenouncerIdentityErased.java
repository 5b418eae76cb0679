package vn.ubkt.casework.events.complaints;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The denouncer's identity was erased from the confidential store; the event itself names nobody. */
@Revision("1")
public record DenouncerIdentityErased(ComplaintId complaintId, LocalDate erasedOn, String reason) implements ComplaintEvent {

    public DenouncerIdentityErased {
        Require.present(complaintId, "complaintId");
        Require.present(erasedOn, "erasedOn");
        Require.text(reason, "reason");
    }
}
