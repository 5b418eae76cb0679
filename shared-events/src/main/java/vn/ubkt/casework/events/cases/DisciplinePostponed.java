package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/**
 * Consideration of discipline was postponed (HD 08-HD/TW), until {@code until} when its end is known (added later:
 * null in the events recorded before, and whenever the end is not known yet).
 */
@Revision("1")
public record DisciplinePostponed(
        CaseId caseId,
        LocalDate postponedOn,
        PostponementReason reason,
        String note,
        LocalDate until) implements CaseEvent {

    public DisciplinePostponed(CaseId caseId, LocalDate postponedOn, PostponementReason reason, String note) {
        this(caseId, postponedOn, reason, note, null);
    }

    @JsonCreator
    public DisciplinePostponed {
        Require.present(caseId, "caseId");
        Require.present(postponedOn, "postponedOn");
        Require.present(reason, "reason");
    }
}
