package vn.ubkt.casework.events.complaints;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.cases.CaseId;

/** The complaint was accepted: a DENUNCIATION case was planned from it. */
@Revision("1")
public record ComplaintAccepted(ComplaintId complaintId, LocalDate acceptedOn, CaseId caseId) implements ComplaintEvent {

    public ComplaintAccepted {
        Require.present(complaintId, "complaintId");
        Require.present(acceptedOn, "acceptedOn");
        Require.present(caseId, "caseId");
    }
}
