package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The decision to open the case (quyết định) was issued and the team formed. */
@Revision("1")
public record CaseOpened(
        CaseId caseId,
        LocalDate openedOn,
        String decisionRef,
        List<TeamMember> team,
        String leadMemberId) implements CaseEvent {

    public CaseOpened {
        Require.present(caseId, "caseId");
        Require.present(openedOn, "openedOn");
        Require.text(decisionRef, "decisionRef");
        team = List.copyOf(Require.present(team, "team"));
        Require.text(leadMemberId, "leadMemberId");
    }
}
