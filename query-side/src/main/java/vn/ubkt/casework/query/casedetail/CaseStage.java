package vn.ubkt.casework.query.casedetail;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a case stands, in the read model's own words, and the steps a page offers for it: the statuses and the
 * steps each allows as the command side's status table has them (checked against it by {@code OfferedStepsIT}),
 * narrowed by what the case document says — a conclusion that does not warrant discipline offers no proposal, decision or postponement,
 * one that does offers no closing until discipline is decided, and an appeal needs a discipline in force.
 */
public enum CaseStage {
    PLANNED(Step.OPEN, Step.TRANSFER, Step.WITHDRAW),
    OPEN(Step.EXPLANATION, Step.FINDINGS, Step.CONCLUDE, Step.TRANSFER, Step.WITHDRAW),
    CONCLUDED(Step.HEARING, Step.PROPOSAL, Step.DECISION, Step.POSTPONEMENT, Step.TRANSFER, Step.CLOSE),
    DISCIPLINE_PROPOSED(Step.HEARING, Step.PROPOSAL, Step.DECISION, Step.POSTPONEMENT, Step.TRANSFER),
    DECIDED(Step.APPEAL, Step.TRANSFER, Step.CLOSE),
    APPEALED(Step.APPEAL_RESOLUTION, Step.TRANSFER),
    CLOSED,
    WITHDRAWN,
    ESCALATED;

    /** A step, named by the last segment of its command path ({@code POST /api/cases/{id}/<path>}). */
    enum Step {
        OPEN("open"), EXPLANATION("explanations"), FINDINGS("findings"), CONCLUDE("conclude"), HEARING("hearing"),
        PROPOSAL("discipline-proposals"), DECISION("discipline-decisions"), POSTPONEMENT("postponements"),
        APPEAL("appeals"), APPEAL_RESOLUTION("appeal-resolutions"), TRANSFER("transfer"), WITHDRAW("withdraw"),
        CLOSE("close");

        final String path;

        Step(String path) {
            this.path = path;
        }
    }

    private final Set<Step> allowed;

    CaseStage(Step... allowed) {
        this.allowed = allowed.length == 0 ? EnumSet.noneOf(Step.class) : EnumSet.of(allowed[0], allowed);
    }

    /** The command paths a page offers for this case, in the order of the table. */
    static List<String> offered(CaseDocument doc) {
        if (doc.status == null) {
            return List.of();
        }
        Set<Step> steps = EnumSet.noneOf(Step.class);
        steps.addAll(doc.status.allowed);
        boolean warranted = doc.conclusion != null && doc.conclusion.disciplineWarranted();
        if (!warranted) {
            steps.removeAll(EnumSet.of(Step.PROPOSAL, Step.DECISION, Step.POSTPONEMENT));
        }
        if (doc.status == CONCLUDED && warranted) {
            steps.remove(Step.CLOSE);
        }
        if (doc.disciplineInForce == null) {
            steps.remove(Step.APPEAL);
        }
        return steps.stream().map(step -> step.path).toList();
    }
}
