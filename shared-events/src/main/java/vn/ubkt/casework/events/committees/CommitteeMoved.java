package vn.ubkt.casework.events.committees;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** From {@code movedOn} the node hangs under {@code parentId}; before it, under {@code previousParentId}. */
@Revision("1")
public record CommitteeMoved(
        CommitteeId committeeId,
        LocalDate movedOn,
        CommitteeId previousParentId,
        CommitteeId parentId) implements CommitteeEvent {

    public CommitteeMoved {
        Require.present(committeeId, "committeeId");
        Require.present(movedOn, "movedOn");
        Require.present(parentId, "parentId");
    }
}
