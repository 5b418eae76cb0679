package vn.ubkt.casework.command.cases;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.command.committees.DissolutionFollowUp;
import vn.ubkt.casework.command.rules.Rulebook;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.events.cases.TransferCause;
import vn.ubkt.casework.events.committees.CommitteeId;

/** Moves every open case of a dissolved committee to its successor, each with a transfer event of its own. */
@Component
class CaseTransfersOnDissolution implements DissolutionFollowUp {

    private final Repository<InspectionCase> cases;
    private final OpenCaseRegister register;
    private final Rulebook rulebook;
    private final TreeView tree;
    private final Clock clock;

    CaseTransfersOnDissolution(Repository<InspectionCase> cases, OpenCaseRegister register, Rulebook rulebook,
                               TreeView tree, Clock clock) {
        this.cases = cases;
        this.register = register;
        this.rulebook = rulebook;
        this.tree = tree;
        this.clock = clock;
    }

    @Override
    public void dissolvedInto(CommitteeId dissolved, CommitteeId successor, LocalDate dissolvedOn, String reason) {
        for (String caseId : register.openCasesOf(dissolved.value())) {
            CaseCommands.TransferCase transfer = new CaseCommands.TransferCase(
                    vn.ubkt.casework.events.cases.CaseId.of(caseId), dissolvedOn, successor, reason, TransferCause.DISSOLUTION);
            cases.load(caseId).execute(inspectionCase -> inspectionCase.handle(transfer, rulebook, tree, clock));
        }
    }
}
