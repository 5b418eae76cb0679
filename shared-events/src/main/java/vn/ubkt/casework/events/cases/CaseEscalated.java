package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** A supervision that found signs of violation was escalated into a new inspection case. */
@Revision("1")
public record CaseEscalated(
        CaseId caseId,
        LocalDate escalatedOn,
        CaseId inspectionCaseId) implements CaseEvent {

    public CaseEscalated {
        Require.present(caseId, "caseId");
        Require.present(escalatedOn, "escalatedOn");
        Require.present(inspectionCaseId, "inspectionCaseId");
    }
}
