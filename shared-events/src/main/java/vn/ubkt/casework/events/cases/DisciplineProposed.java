package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/** A body proposed a form of discipline to the body that decides. */
@Revision("1")
public record DisciplineProposed(
        CaseId caseId,
        LocalDate proposedOn,
        DisciplineForm form,
        CommitteeId proposingCommitteeId,
        CommitteeId toCommitteeId,
        String reasons,
        Map<String, Integer> ballot,
        String rulebookVersion) implements CaseEvent {

    public DisciplineProposed {
        Require.present(caseId, "caseId");
        Require.present(proposedOn, "proposedOn");
        Require.present(form, "form");
        Require.present(proposingCommitteeId, "proposingCommitteeId");
        Require.present(toCommitteeId, "toCommitteeId");
        Require.text(reasons, "reasons");
        ballot = ballot == null ? Map.of() : Map.copyOf(ballot);
        Require.text(rulebookVersion, "rulebookVersion");
    }
}
