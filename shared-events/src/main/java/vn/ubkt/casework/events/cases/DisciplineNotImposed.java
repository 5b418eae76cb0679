package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/** The body decided and no discipline was imposed, with the reason: an audited outcome. */
@Revision("1")
public record DisciplineNotImposed(
        CaseId caseId,
        LocalDate decidedOn,
        CommitteeId decidingCommitteeId,
        String decisionRef,
        int eligibleVoters,
        Map<String, Integer> ballot,
        DisciplineForm votedForm,
        NotImposedReason reason,
        String rulebookVersion) implements CaseEvent {

    public DisciplineNotImposed {
        Require.present(caseId, "caseId");
        Require.present(decidedOn, "decidedOn");
        Require.present(decidingCommitteeId, "decidingCommitteeId");
        Require.text(decisionRef, "decisionRef");
        ballot = ballot == null ? Map.of() : Map.copyOf(ballot);
        Require.present(reason, "reason");
        Require.text(rulebookVersion, "rulebookVersion");
    }
}
