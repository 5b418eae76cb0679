package vn.ubkt.casework.events.suspensions;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.cases.Deadline;

/** The suspension was extended by {@code days} days: it now ends on {@code endsOn}. */
@Revision("1")
public record SuspensionExtended(
        SuspensionId suspensionId,
        LocalDate extendedOn,
        int days,
        LocalDate endsOn,
        String decisionRef,
        String rulebookVersion,
        List<Deadline> deadlines) implements SuspensionEvent {

    public SuspensionExtended {
        Require.present(suspensionId, "suspensionId");
        Require.present(extendedOn, "extendedOn");
        Require.present(endsOn, "endsOn");
        Require.text(decisionRef, "decisionRef");
        Require.text(rulebookVersion, "rulebookVersion");
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }
}
