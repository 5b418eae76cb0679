package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The hearing was waived, with the reason (refused, detained…). */
@Revision("1")
public record HearingWaived(
        CaseId caseId,
        LocalDate heardOn,
        String reason) implements CaseEvent {

    public HearingWaived {
        Require.present(caseId, "caseId");
        Require.present(heardOn, "heardOn");
        Require.text(reason, "reason");
    }
}
