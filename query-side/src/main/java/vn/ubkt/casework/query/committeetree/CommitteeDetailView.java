package vn.ubkt.casework.query.committeetree;

import java.time.LocalDate;
import java.util.List;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/** One node with its counts, every parent link it ever had, and the nodes dissolved into it. */
public record CommitteeDetailView(
        String id,
        String name,
        CommitteeKind kind,
        CommitteeLevel level,
        String parentId,
        LocalDate establishedOn,
        LocalDate dissolvedOn,
        String successorId,
        String dissolutionReason,
        Integer votingMembers,
        Integer partyMembers,
        Integer cells,
        List<ParentLink> history,
        List<Predecessor> predecessors,
        long version) {

    /** From {@code validFrom} (null: since always) the node hung under {@code parentId}. */
    public record ParentLink(LocalDate validFrom, String parentId, String parentName) {
    }

    public record Predecessor(String id, String name, CommitteeKind kind, LocalDate dissolvedOn) {
    }
}
