package vn.ubkt.casework.query.committeetree;

import java.time.LocalDate;
import java.util.List;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/**
 * A node in the tree of one date. {@code parentId} is the node it hangs under on that date;
 * {@code dissolvedOn} and {@code successorId} are set when the node was (or will be) dissolved.
 */
public record CommitteeNodeView(
        String id,
        String name,
        CommitteeKind kind,
        CommitteeLevel level,
        String parentId,
        LocalDate establishedOn,
        LocalDate dissolvedOn,
        String successorId,
        Integer votingMembers,
        Integer partyMembers,
        Integer cells,
        List<CommitteeNodeView> children) {
}
