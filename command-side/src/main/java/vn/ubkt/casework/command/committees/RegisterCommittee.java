package vn.ubkt.casework.command.committees;

import java.time.LocalDate;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

record RegisterCommittee(
        CommitteeId committeeId,
        String name,
        CommitteeKind kind,
        CommitteeLevel level,
        CommitteeId parentId,
        LocalDate establishedOn,
        Integer votingMembers,
        Integer partyMembers,
        Integer cells) {

    RegisterCommittee {
        Require.present(committeeId, "committeeId");
        Require.text(name, "name");
        Require.present(kind, "kind");
        Require.present(level, "level");
    }
}
