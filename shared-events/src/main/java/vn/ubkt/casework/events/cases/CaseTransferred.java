package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/** The case moved to another committee: on request, taken over by a higher body, or after a dissolution. */
@Revision("1")
public record CaseTransferred(
        CaseId caseId,
        LocalDate transferredOn,
        CommitteeId fromCommitteeId,
        CommitteeId toCommitteeId,
        String reason,
        TransferCause cause) implements CaseEvent {

    public CaseTransferred {
        Require.present(caseId, "caseId");
        Require.present(transferredOn, "transferredOn");
        Require.present(fromCommitteeId, "fromCommitteeId");
        Require.present(toCommitteeId, "toCommitteeId");
        Require.text(reason, "reason");
        Require.present(cause, "cause");
    }
}
