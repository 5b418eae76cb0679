package vn.ubkt.casework.command.committees;

import java.time.LocalDate;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * Work that must happen in the same transaction as a dissolution into a successor: the open cases of the
 * dissolved committee move to the successor (DOMAIN.md "The tree changes over time").
 */
public interface DissolutionFollowUp {

    void dissolvedInto(CommitteeId dissolved, CommitteeId successor, LocalDate dissolvedOn, String reason);
}
