package vn.ubkt.casework.command.cases;

import static vn.ubkt.casework.events.cases.DisciplineForm.REPRIMAND;
import static vn.ubkt.casework.events.cases.DisciplineForm.WARNING;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.command.cases.CaseCommands.DecideDiscipline;
import vn.ubkt.casework.command.rules.TestRulebook;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.SubjectHeard;
import vn.ubkt.casework.events.cases.ViolationCategory;

/**
 * R-EFFECT (QĐ 21-QĐ/TW, as reported): from 11 April 2026 a discipline decision takes effect on signing, except a
 * decision within a cell's competence, for which the rulebook says what applies (shipped AS_DECIDED, marked U).
 */
class DecisionEffectTest extends CaseTestBase {

    private static DecideDiscipline decision(LocalDate decidedOn, LocalDate effectiveOn) {
        return new DecideDiscipline(CASE, decidedOn, UBKT_TU, "QĐ 45-QĐ/KL", 9, ballot(3, WARNING, 6), effectiveOn,
                effectiveOn);
    }

    @Test
    @DisplayName("the provincial commission's warning signed on 18 May 2026 cannot take effect on 20 May (R-EFFECT, 2026.1)")
    void notOnSigning() {
        fixture.given(heardCase(MEMBER))
                .when(decision(DECIDED_ON, ANNOUNCED_ON))
                .expectException(violating("R-EFFECT", "case.effect.onSigning", "2026.1"))
                .expectException(citing("QĐ 21-QĐ/TW (11/04/2026) (a discipline decision takes effect on signing, "
                        + "except within a cell's competence, as reported)"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("signed and in effect on 18 May 2026, it is imposed")
    void onSigning() {
        fixture.given(heardCase(MEMBER))
                .when(decision(DECIDED_ON, DECIDED_ON))
                .expectEventsMatching(InspectionCaseTest.payloadTypes(DisciplineDecided.class));
    }

    @Test
    @DisplayName("before 11 April 2026 (2025.1) the body still stated its own effective date")
    void before2026() {
        LocalDate concluded = LocalDate.of(2026, 3, 2);
        fixture.given(planned(MEMBER), opened(), concluded(concluded, List.of(ViolationCategory.FINANCE_AND_ASSETS),
                        VIOLATION_FROM, VIOLATION_TO), new SubjectHeard(CASE, LocalDate.of(2026, 3, 5), "Nhận khuyết điểm", null))
                .when(decision(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12)))
                .expectEventsMatching(InspectionCaseTest.payloadTypes(DisciplineDecided.class));
    }

    @Test
    @DisplayName("a cell's reprimand may take effect later than its signing: cellDecisions is AS_DECIDED (unverified)")
    void cellAsDecided() {
        fixture.given(heardCase(MEMBER))
                .when(new DecideDiscipline(CASE, DECIDED_ON, CB1, "QĐ 01-QĐ/CB", 15, ballot(5, REPRIMAND, 10),
                        DECIDED_ON, DECIDED_ON.plusDays(7)))
                .expectEventsMatching(InspectionCaseTest.payloadTypes(DisciplineDecided.class));
    }

    @Test
    @DisplayName("a deployment whose rulebook says ON_SIGNING for cells has the cell's decision refused the same way")
    void cellOnSigningByConfiguration() {
        var corrected = new org.axonframework.test.aggregate.AggregateTestFixture<>(InspectionCase.class);
        corrected.registerInjectableResource(TestRulebook.loadWith(text ->
                text.replace("\"cellDecisions\": \"AS_DECIDED\"", "\"cellDecisions\": \"ON_SIGNING\"")));
        corrected.registerInjectableResource(tree);
        corrected.registerInjectableResource(CLOCK);
        corrected.given(heardCase(MEMBER))
                .when(new DecideDiscipline(CASE, DECIDED_ON, CB1, "QĐ 01-QĐ/CB", 15, ballot(5, REPRIMAND, 10),
                        DECIDED_ON, DECIDED_ON.plusDays(7)))
                .expectException(violating("R-EFFECT", "case.effect.onSigning", "2026.1"));
    }
}
