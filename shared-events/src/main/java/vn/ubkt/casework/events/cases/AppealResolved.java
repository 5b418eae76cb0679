package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * The competent higher body resolved the appeal; the form in force is now newForm (null when annulled). Why a changed
 * decision was changed ({@code changeReason}, added for the statistical forms) is null when not recorded.
 */
@Revision("1")
public record AppealResolved(
        CaseId caseId,
        LocalDate resolvedOn,
        CommitteeId resolvingCommitteeId,
        String decisionRef,
        AppealResult result,
        DisciplineForm previousForm,
        DisciplineForm newForm,
        String rulebookVersion,
        AppealChangeReason changeReason) implements CaseEvent {

    public AppealResolved(CaseId caseId, LocalDate resolvedOn, CommitteeId resolvingCommitteeId, String decisionRef,
                          AppealResult result, DisciplineForm previousForm, DisciplineForm newForm,
                          String rulebookVersion) {
        this(caseId, resolvedOn, resolvingCommitteeId, decisionRef, result, previousForm, newForm, rulebookVersion, null);
    }

    @JsonCreator
    public AppealResolved {
        Require.present(caseId, "caseId");
        Require.present(resolvedOn, "resolvedOn");
        Require.present(resolvingCommitteeId, "resolvingCommitteeId");
        Require.text(decisionRef, "decisionRef");
        Require.present(result, "result");
        Require.present(previousForm, "previousForm");
        Require.text(rulebookVersion, "rulebookVersion");
    }
}
