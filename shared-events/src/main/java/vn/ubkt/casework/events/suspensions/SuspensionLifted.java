package vn.ubkt.casework.events.suspensions;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The suspension was lifted before its end. */
@Revision("1")
public record SuspensionLifted(
        SuspensionId suspensionId,
        LocalDate liftedOn,
        String reason) implements SuspensionEvent {

    public SuspensionLifted {
        Require.present(suspensionId, "suspensionId");
        Require.present(liftedOn, "liftedOn");
        Require.text(reason, "reason");
    }
}
