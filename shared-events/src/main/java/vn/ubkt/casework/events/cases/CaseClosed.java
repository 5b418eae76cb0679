package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The case was closed. */
@Revision("1")
public record CaseClosed(
        CaseId caseId,
        LocalDate closedOn) implements CaseEvent {

    public CaseClosed {
        Require.present(caseId, "caseId");
        Require.present(closedOn, "closedOn");
    }
}
