package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/**
 * The body concluded: outcome, violation categories and period, whether discipline is warranted. Added for the
 * statistical forms, null when not recorded (and in every event recorded before): whether the matter was referred to
 * the investigating authorities, and for a finance inspection the amount in violation and the amount recovered, in
 * thousand đồng as the forms count money.
 */
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
        DenunciationResult denunciationResult,
        Boolean referredToInvestigation,
        Long amountInViolation,
        Long amountRecovered) implements CaseEvent {

    public CaseConcluded(CaseId caseId, LocalDate concludedOn, String conclusionRef, Outcome outcome,
                         List<ViolationCategory> violationCategories, LocalDate violationFrom, LocalDate violationTo,
                         boolean disciplineWarranted, String summary, DenunciationResult denunciationResult) {
        this(caseId, concludedOn, conclusionRef, outcome, violationCategories, violationFrom, violationTo,
                disciplineWarranted, summary, denunciationResult, null, null, null);
    }

    @JsonCreator
    public CaseConcluded {
        Require.present(caseId, "caseId");
        Require.present(concludedOn, "concludedOn");
        Require.text(conclusionRef, "conclusionRef");
        Require.present(outcome, "outcome");
        violationCategories = violationCategories == null ? List.of() : List.copyOf(violationCategories);
        Require.text(summary, "summary");
    }
}
