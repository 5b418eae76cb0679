package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The body concluded: outcome, violation categories and period, whether discipline is warranted. */
@Revision("1")
public record CaseConcluded(
        CaseId caseId,
        LocalDate concludedOn,
        String conclusionRef,
        Outcome outcome,
        List<ViolationCategory> violationCategories,
        LocalDate violationFrom,
        LocalDate violationTo,
        boolean disciplineWarranted,
        String summary,
        DenunciationResult denunciationResult) implements CaseEvent {

    public CaseConcluded {
        Require.present(caseId, "caseId");
        Require.present(concludedOn, "concludedOn");
        Require.text(conclusionRef, "conclusionRef");
        Require.present(outcome, "outcome");
        violationCategories = violationCategories == null ? List.of() : List.copyOf(violationCategories);
        Require.text(summary, "summary");
    }
}
