package vn.ubkt.casework.command.cases;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.command.rules.Rulebook;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.complaints.ComplaintId;

/** Plans the DENUNCIATION case of an accepted complaint, in the same unit of work as the acceptance. */
@Component
public class CasePlanner {

    private final Repository<InspectionCase> cases;
    private final Rulebook rulebook;
    private final TreeView tree;
    private final Clock clock;

    CasePlanner(Repository<InspectionCase> cases, Rulebook rulebook, TreeView tree, Clock clock) {
        this.cases = cases;
        this.rulebook = rulebook;
        this.tree = tree;
        this.clock = clock;
    }

    public void planDenunciation(CaseId caseId, ComplaintId complaintId, CommitteeId committeeId, Subject accused,
                                 String content, String planRef, LocalDate plannedOn, LocalDate plannedFrom,
                                 LocalDate plannedTo) throws Exception {
        CaseCommands.PlanCase plan = new CaseCommands.PlanCase(caseId, CaseType.DENUNCIATION, committeeId, accused,
                content, planRef, plannedOn, plannedFrom, plannedTo, CaseOrigin.complaint(complaintId));
        cases.newInstance(() -> new InspectionCase(plan, rulebook, tree, clock));
    }
}
