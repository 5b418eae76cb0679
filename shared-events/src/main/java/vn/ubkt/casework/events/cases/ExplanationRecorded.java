package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The subject's explanation (báo cáo giải trình) was received. */
@Revision("1")
public record ExplanationRecorded(
        CaseId caseId,
        LocalDate submittedOn,
        String summary) implements CaseEvent {

    public ExplanationRecorded {
        Require.present(caseId, "caseId");
        Require.present(submittedOn, "submittedOn");
        Require.text(summary, "summary");
    }
}
