package vn.ubkt.casework.command.committees;

import java.time.LocalDate;
import java.util.List;
import vn.ubkt.casework.events.committees.CommitteeId;

/** The nodes that hang under a node and still stand on a date, as the command side's directory knows them. */
interface StandingChildren {

    List<CommitteeId> of(CommitteeId parent, LocalDate date);
}
