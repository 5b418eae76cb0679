package vn.ubkt.casework.command.cases;


import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.ubkt.casework.command.platform.ConflictException;

/**
 * Where a case stands, and the steps each status allows (DOMAIN.md "Lifecycle"). A case may be withdrawn
 * only before its conclusion; it may be transferred (or taken over) until it ends; discipline is decided
 * once, and only an appeal changes it.
 */

enum CaseStatus {
    PLANNED(CaseStep.OPEN, CaseStep.TRANSFER, CaseStep.WITHDRAW),
    OPEN(CaseStep.RECORD_EXPLANATION, CaseStep.RECORD_FINDINGS, CaseStep.CONCLUDE, CaseStep.TRANSFER, CaseStep.WITHDRAW),
    CONCLUDED(CaseStep.HEAR, CaseStep.PROPOSE_DISCIPLINE, CaseStep.DECIDE_DISCIPLINE, CaseStep.POSTPONE, CaseStep.TRANSFER, CaseStep.CLOSE),
    DISCIPLINE_PROPOSED(CaseStep.HEAR, CaseStep.PROPOSE_DISCIPLINE, CaseStep.DECIDE_DISCIPLINE, CaseStep.POSTPONE, CaseStep.TRANSFER),
    DECIDED(CaseStep.APPEAL, CaseStep.TRANSFER, CaseStep.CLOSE),
    APPEALED(CaseStep.RESOLVE_APPEAL, CaseStep.TRANSFER),
    CLOSED,
    WITHDRAWN,
    ESCALATED;

    private final Set<CaseStep> allowed;

    CaseStatus(CaseStep... allowed) {
        this.allowed = allowed.length == 0 ? EnumSet.noneOf(CaseStep.class) : EnumSet.of(allowed[0], allowed);
    }

    boolean allows(CaseStep step) {
        return allowed.contains(step);
    }

    Set<CaseStep> allowedSteps() {
        return allowed;
    }

    /** The guard every handler passes first: a refusal names the status, the step and what is allowed. */
    void require(CaseStep step, Object caseId) {
        if (!allows(step)) {
            List<String> steps = allowed.stream().map(Enum::name).toList();
            throw new ConflictException("case.status", name(), steps, caseId, name(), step);
        }
    }
}
