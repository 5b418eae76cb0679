package vn.ubkt.casework.command.committees;

import java.time.LocalDate;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

record MoveCommittee(CommitteeId committeeId, LocalDate movedOn, CommitteeId parentId) {

    MoveCommittee {
        Require.present(committeeId, "committeeId");
        Require.present(movedOn, "movedOn");
        Require.present(parentId, "parentId");
    }
}
