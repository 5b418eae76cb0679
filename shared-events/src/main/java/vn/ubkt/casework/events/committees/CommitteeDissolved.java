package vn.ubkt.casework.events.committees;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/**
 * The node ceased on {@code dissolvedOn}. With a successor, the node counts as its successor for every
 * date before the dissolution, and its open cases move to the successor (DOMAIN.md).
 */
@Revision("1")
public record CommitteeDissolved(
        CommitteeId committeeId,
        LocalDate dissolvedOn,
        CommitteeId successorId,
        String reason) implements CommitteeEvent {

    public CommitteeDissolved {
        Require.present(committeeId, "committeeId");
        Require.present(dissolvedOn, "dissolvedOn");
        Require.text(reason, "reason");
    }
}
