package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** Consideration of discipline was postponed (HD 08-HD/TW). */
@Revision("1")
public record DisciplinePostponed(
        CaseId caseId,
        LocalDate postponedOn,
        PostponementReason reason,
        String note) implements CaseEvent {

    public DisciplinePostponed {
        Require.present(caseId, "caseId");
        Require.present(postponedOn, "postponedOn");
        Require.present(reason, "reason");
    }
}
