package vn.ubkt.casework.events.complaints;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

@Revision("1")
public record ComplaintDismissed(
        ComplaintId complaintId,
        LocalDate dismissedOn,
        DismissalReason reason,
        String note) implements ComplaintEvent {

    public ComplaintDismissed {
        Require.present(complaintId, "complaintId");
        Require.present(dismissedOn, "dismissedOn");
        Require.present(reason, "reason");
    }
}
