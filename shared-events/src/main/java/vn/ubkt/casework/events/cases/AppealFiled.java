package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The disciplined subject appealed to the body above the one that decided; the decision stays in force. */
@Revision("1")
public record AppealFiled(
        CaseId caseId,
        LocalDate filedOn,
        LocalDate decisionReceivedOn,
        String grounds,
        List<Deadline> deadlines) implements CaseEvent {

    public AppealFiled {
        Require.present(caseId, "caseId");
        Require.present(filedOn, "filedOn");
        Require.present(decisionReceivedOn, "decisionReceivedOn");
        Require.text(grounds, "grounds");
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }
}
