package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/** A case was planned by a committee: step 1 of the lifecycle. Deadlines the plan opens are data (R-DEADLINES). */
@Revision("1")
public record CasePlanned(
        CaseId caseId,
        CaseType type,
        CommitteeId committeeId,
        Subject subject,
        String content,
        String planRef,
        LocalDate plannedOn,
        LocalDate plannedFrom,
        LocalDate plannedTo,
        CaseOrigin origin,
        List<Deadline> deadlines) implements CaseEvent {

    public CasePlanned {
        Require.present(caseId, "caseId");
        Require.present(type, "type");
        Require.present(committeeId, "committeeId");
        Require.present(subject, "subject");
        Require.text(content, "content");
        Require.text(planRef, "planRef");
        Require.present(plannedOn, "plannedOn");
        Require.present(plannedFrom, "plannedFrom");
        Require.present(plannedTo, "plannedTo");
        Require.present(origin, "origin");
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }
}
