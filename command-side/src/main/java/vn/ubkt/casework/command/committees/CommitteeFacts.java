package vn.ubkt.casework.command.committees;

import java.time.LocalDate;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/** What other commands need to know of a committee, read from its aggregate. */
record CommitteeFacts(
        CommitteeId id,
        String name,
        CommitteeKind kind,
        CommitteeLevel level,
        CommitteeId parentId,
        LocalDate establishedOn,
        LocalDate dissolvedOn) {

    /**
     * Whether the node stood on {@code date}; a null date means "since always", which only a node without
     * an establishment date and never dissolved satisfies.
     */
    boolean standsOn(LocalDate date) {
        if (date == null) {
            return establishedOn == null && dissolvedOn == null;
        }
        return (establishedOn == null || !establishedOn.isAfter(date))
                && (dissolvedOn == null || date.isBefore(dissolvedOn));
    }
}
