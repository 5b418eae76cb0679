package vn.ubkt.casework.command.committees;

import java.time.LocalDate;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

record DissolveCommittee(CommitteeId committeeId, LocalDate dissolvedOn, CommitteeId successorId, String reason) {

    DissolveCommittee {
        Require.present(committeeId, "committeeId");
        Require.present(dissolvedOn, "dissolvedOn");
        Require.text(reason, "reason");
    }
}
