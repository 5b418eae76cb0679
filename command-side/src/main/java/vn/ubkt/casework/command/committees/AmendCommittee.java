package vn.ubkt.casework.command.committees;

import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/** A null field is left as it is. */
record AmendCommittee(CommitteeId committeeId, String name, Integer votingMembers, Integer partyMembers, Integer cells) {

    AmendCommittee {
        Require.present(committeeId, "committeeId");
        if (name == null && votingMembers == null && partyMembers == null && cells == null) {
            throw new IllegalArgumentException("nothing to amend");
        }
    }
}
