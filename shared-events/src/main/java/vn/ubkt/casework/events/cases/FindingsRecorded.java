package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The team recorded findings with their evidence. */
@Revision("1")
public record FindingsRecorded(
        CaseId caseId,
        LocalDate recordedOn,
        String summary,
        List<Evidence> evidence) implements CaseEvent {

    public FindingsRecorded {
        Require.present(caseId, "caseId");
        Require.present(recordedOn, "recordedOn");
        Require.text(summary, "summary");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
