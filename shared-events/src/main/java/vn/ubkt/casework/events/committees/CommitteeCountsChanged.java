package vn.ubkt.casework.events.committees;

import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The counts after the change, all three; a null count is unknown. */
@Revision("1")
public record CommitteeCountsChanged(
        CommitteeId committeeId,
        Integer votingMembers,
        Integer partyMembers,
        Integer cells) implements CommitteeEvent {

    public CommitteeCountsChanged {
        Require.present(committeeId, "committeeId");
        Require.nonNegative(votingMembers, "votingMembers");
        Require.nonNegative(partyMembers, "partyMembers");
        Require.nonNegative(cells, "cells");
    }
}
