package vn.ubkt.casework.events.committees;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/**
 * A node joined the tree. Without {@code establishedOn} the node and its parent link hold for every
 * past date (the usual case when an existing tree is entered).
 */
@Revision("1")
public record CommitteeRegistered(
        CommitteeId committeeId,
        String name,
        CommitteeKind kind,
        CommitteeLevel level,
        CommitteeId parentId,
        LocalDate establishedOn,
        Integer votingMembers,
        Integer partyMembers,
        Integer cells) implements CommitteeEvent {

    public CommitteeRegistered {
        Require.present(committeeId, "committeeId");
        Require.text(name, "name");
        Require.present(kind, "kind");
        Require.present(level, "level");
        Require.nonNegative(votingMembers, "votingMembers");
        Require.nonNegative(partyMembers, "partyMembers");
        Require.nonNegative(cells, "cells");
    }
}
