package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The case was withdrawn before its conclusion, with the reason. */
@Revision("1")
public record CaseWithdrawn(
        CaseId caseId,
        LocalDate withdrawnOn,
        String reason) implements CaseEvent {

    public CaseWithdrawn {
        Require.present(caseId, "caseId");
        Require.present(withdrawnOn, "withdrawnOn");
        Require.text(reason, "reason");
    }
}
