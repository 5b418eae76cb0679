package vn.ubkt.casework.command.cases;

import static vn.ubkt.casework.events.cases.DisciplineForm.DISMISSAL;
import static vn.ubkt.casework.events.cases.DisciplineForm.EXPULSION;
import static vn.ubkt.casework.events.cases.DisciplineForm.REPRIMAND;
import static vn.ubkt.casework.events.cases.DisciplineForm.WARNING;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.command.cases.CaseCommands.DecideDiscipline;
import vn.ubkt.casework.command.cases.CaseCommands.FileAppeal;
import vn.ubkt.casework.command.cases.CaseCommands.PlanCase;
import vn.ubkt.casework.command.cases.CaseCommands.ResolveAppeal;
import vn.ubkt.casework.command.cases.CaseCommands.StepResult;
import vn.ubkt.casework.events.cases.AppealChangeReason;
import vn.ubkt.casework.events.cases.AppealFiled;
import vn.ubkt.casework.events.cases.AppealResolved;
import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.DisciplineNotImposed;
import vn.ubkt.casework.events.cases.LegalHandling;
import vn.ubkt.casework.events.cases.NotImposedReason;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * R-APPEAL (Điều lệ art. 39(7)): an appeal is filed within one month of receiving the decision and is resolved by
 * a body above the deciding body — never the deciding body itself (R-DUTIES). R-DEADLINES: the deadlines the
 * steps open, as data on their events; working days skip Saturdays and Sundays, so 90 working days from a Monday
 * are 18 weeks (126 days) and 180 are 36 weeks (252 days). Every expected date is counted by hand.
 */
class AppealTest extends CaseTestBase {

    /** Judged by rulebook 2026.2 (from 17 August 2026). */
    private static final LocalDate RESOLVED_ON = LocalDate.of(2026, 9, 14);

    @Nested
    @DisplayName("filing within one month of receiving the decision")
    class Window {

        @Test
        @DisplayName("received on 25 May 2026, an appeal filed on 25 June, the last day, is accepted; the provincial committee that elected the commission resolves it: 90 working days, past 1 and 2 September, by Monday 2 November 2026")
        void onTheLastDay() {
            LocalDate lastDay = LocalDate.of(2026, 6, 25);
            fixture.given(decidedCase(MEMBER, WARNING, UBKT_TU))
                    .when(new FileAppeal(CASE, lastDay, RECEIVED_ON, " Hình thức quá nặng "))
                    .expectEvents(new AppealFiled(CASE, lastDay, RECEIVED_ON, "Hình thức quá nặng",
                            List.of(new Deadline(Deadline.Kind.APPEAL_RESOLUTION, LocalDate.of(2026, 11, 2), "R-DEADLINES",
                                    "2026.1"))))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "APPEALED", 6));
        }

        @Test
        @DisplayName("filed on 26 June, one day after one month, it is refused")
        void oneDayLate() {
            fixture.given(decidedCase(MEMBER, WARNING, UBKT_TU))
                    .when(new FileAppeal(CASE, LocalDate.of(2026, 6, 26), RECEIVED_ON, "Hình thức quá nặng"))
                    .expectException(violating("R-APPEAL", "case.appeal.late", "2026.1"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("received on 31 May, the month ends on 30 June: filed that day it is accepted")
        void monthEnd() {
            fixture.given(decidedCase(MEMBER, WARNING, UBKT_TU))
                    .when(new FileAppeal(CASE, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 5, 31), "Hình thức quá nặng"))
                    .expectEventsMatching(InspectionCaseTest.payloadTypes(AppealFiled.class));
        }

        @Test
        @DisplayName("received on 31 May, filed on 1 July, it is refused")
        void monthEndLate() {
            fixture.given(decidedCase(MEMBER, WARNING, UBKT_TU))
                    .when(new FileAppeal(CASE, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 5, 31), "Hình thức quá nặng"))
                    .expectException(violating("R-APPEAL", "case.appeal.late"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a decision received before it was taken is refused (R-DATES)")
        void receivedBeforeDecided() {
            fixture.given(decidedCase(MEMBER, WARNING, UBKT_TU))
                    .when(new FileAppeal(CASE, APPEALED_ON, DECIDED_ON.minusDays(1), "Hình thức quá nặng"))
                    .expectException(violating("R-DATES", "case.dates.order"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("there is nothing to appeal when no discipline was imposed")
        void nothingInForce() {
            fixture.given(plus(heardCase(MEMBER), new DisciplineNotImposed(CASE, DECIDED_ON, UBKT_TU, "QĐ 45", 9,
                            Map.of("REPRIMAND", 6, "NONE", 3), REPRIMAND, NotImposedReason.TIME_LIMIT_EXPIRED, "2026.1")))
                    .when(new FileAppeal(CASE, APPEALED_ON, RECEIVED_ON, "Hình thức quá nặng"))
                    .expectException(conflict("case.nothingInForce"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("R-DEADLINES: the deadlines the steps open")
    class Deadlines {

        @Test
        @DisplayName("the law's and the administration's handling of the member travel with the decision (form 11, 13)")
        void legalAndAdministrativeHandling() {
            LocalDate decidedOn = LocalDate.of(2026, 8, 28);
            LocalDate announcedOn = LocalDate.of(2026, 8, 31);
            fixture.given(heardCase(MEMBER))
                    .when(new DecideDiscipline(CASE, decidedOn, UBKT_TU, "QĐ 45-QĐ/KL", 9, ballot(3, WARNING, 6),
                            announcedOn, decidedOn, LegalHandling.SUSPENDED_SENTENCE, true))
                    .expectEvents(new DisciplineDecided(CASE, decidedOn, UBKT_TU, "QĐ 45-QĐ/KL", 9,
                            Map.of("WARNING", 6, "NONE", 3), WARNING, announcedOn, decidedOn, "2026.2",
                            List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, LocalDate.of(2026, 9, 30), "R-APPEAL",
                                    "2026.2")), LegalHandling.SUSPENDED_SENTENCE, true));
        }

        @Test
        @DisplayName("a decision signed on Friday 28 August 2026 (in effect that day, R-EFFECT) and announced on Monday 31 August may be appealed until 30 September 2026")
        void appealWindow() {
            LocalDate decidedOn = LocalDate.of(2026, 8, 28);
            LocalDate announcedOn = LocalDate.of(2026, 8, 31);
            fixture.given(heardCase(MEMBER))
                    .when(new DecideDiscipline(CASE, decidedOn, UBKT_TU, "QĐ 45-QĐ/KL", 9, ballot(3, WARNING, 6),
                            announcedOn, decidedOn))
                    .expectEvents(new DisciplineDecided(CASE, decidedOn, UBKT_TU, "QĐ 45-QĐ/KL", 9,
                            Map.of("WARNING", 6, "NONE", 3), WARNING, announcedOn, decidedOn, "2026.2",
                            List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, LocalDate.of(2026, 9, 30), "R-APPEAL",
                                    "2026.2"))));
        }

        @Test
        @DisplayName("an appeal filed on Monday 15 June 2026 against the commune committee's decision is resolved by the province: 90 working days, past the National Day holidays, by Wednesday 21 October 2026")
        void provincialResolution() {
            fixture.given(decidedCase(MEMBER, WARNING, XA))
                    .when(new FileAppeal(CASE, APPEALED_ON, RECEIVED_ON, "Hình thức quá nặng"))
                    .expectEvents(new AppealFiled(CASE, APPEALED_ON, RECEIVED_ON, "Hình thức quá nặng",
                            List.of(new Deadline(Deadline.Kind.APPEAL_RESOLUTION, LocalDate.of(2026, 10, 21),
                                    "R-DEADLINES", "2026.1"))));
        }

        @Test
        @DisplayName("the same appeal against the provincial standing committee's decision is resolved at the centre: 180 working days, past 2 September, 1 January and Tết 2027 (estimated), by Thursday 4 March 2027")
        void centralResolution() {
            fixture.given(decidedCase(MEMBER, WARNING, BTV_TU))
                    .when(new FileAppeal(CASE, APPEALED_ON, RECEIVED_ON, "Hình thức quá nặng"))
                    .expectEvents(new AppealFiled(CASE, APPEALED_ON, RECEIVED_ON, "Hình thức quá nặng",
                            List.of(new Deadline(Deadline.Kind.APPEAL_RESOLUTION, LocalDate.of(2027, 3, 4),
                                    "R-DEADLINES", "2026.1"))));
        }

        @Test
        @DisplayName("an appeal filed on Monday 1 December 2025 against the provincial commission's decision, resolved by the provincial committee (90 working days, not the central 180), spans 1 January and Tết Bính Ngọ (16–20 February 2026): due Tuesday 14 April 2026, not 6 April")
        void acrossTet() {
            LocalDate decidedOn = LocalDate.of(2025, 11, 3);
            LocalDate announcedOn = LocalDate.of(2025, 11, 5);
            fixture.given(planned(MEMBER), opened(), concluded(true), heard(), proposed(WARNING),
                            new DisciplineDecided(CASE, decidedOn, UBKT_TU, "QĐ 45-QĐ/KL", 9, Map.of("WARNING", 6, "NONE", 3),
                                    WARNING, announcedOn, announcedOn, "2025.1", List.of()))
                    .when(new FileAppeal(CASE, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 11, 10), "Hình thức quá nặng"))
                    .expectEvents(new AppealFiled(CASE, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 11, 10),
                            "Hình thức quá nặng", List.of(new Deadline(Deadline.Kind.APPEAL_RESOLUTION,
                                    LocalDate.of(2026, 4, 14), "R-DEADLINES", "2025.1"))));
        }

        @Test
        @DisplayName("a denunciation planned on Monday 2 February 2026 must be resolved within 90 working days, past Tết (16–20 February), 27 April, 30 April and 1 May: by Thursday 18 June 2026")
        void denunciation() {
            fixture.givenNoPriorActivity()
                    .when(planDenunciation(PLANNED_ON))
                    .expectEvents(plannedDenunciation(PLANNED_ON, new Deadline(Deadline.Kind.DENUNCIATION_RESOLUTION,
                            LocalDate.of(2026, 6, 18), "R-DEADLINES", "2025.1")));
        }

        @Test
        @DisplayName("planned on Saturday 7 February 2026, the first working day counted is Monday 9th: due Wednesday 24 June 2026")
        void denunciationPlannedOnSaturday() {
            LocalDate saturday = LocalDate.of(2026, 2, 7);
            fixture.givenNoPriorActivity()
                    .when(planDenunciation(saturday))
                    .expectEvents(plannedDenunciation(saturday, new Deadline(Deadline.Kind.DENUNCIATION_RESOLUTION,
                            LocalDate.of(2026, 6, 24), "R-DEADLINES", "2025.1")));
        }

        @Test
        @DisplayName("planned on Monday 3 March 2025, the deadline is set by rulebook 2021.1, past 7 April, 30 April and 1 May: Thursday 10 July 2025")
        void denunciationUnderTheOlderRulebook() {
            LocalDate on = LocalDate.of(2025, 3, 3);
            fixture.givenNoPriorActivity()
                    .when(planDenunciation(on))
                    .expectEvents(plannedDenunciation(on, new Deadline(Deadline.Kind.DENUNCIATION_RESOLUTION,
                            LocalDate.of(2025, 7, 10), "R-DEADLINES", "2021.1")));
        }

        private PlanCase planDenunciation(LocalDate on) {
            return new PlanCase(CASE, CaseType.DENUNCIATION, UBKT_TU, MEMBER, "Tố cáo sai phạm quỹ hội", "KH 11", on, on,
                    LocalDate.of(2026, 9, 30), CaseOrigin.NONE);
        }

        private CasePlanned plannedDenunciation(LocalDate on, Deadline deadline) {
            return new CasePlanned(CASE, CaseType.DENUNCIATION, UBKT_TU, MEMBER, "Tố cáo sai phạm quỹ hội", "KH 11", on,
                    on, LocalDate.of(2026, 9, 30), CaseOrigin.NONE, List.of(deadline));
        }
    }

    @Nested
    @DisplayName("resolving: by a body above the one that decided")
    class Resolving {

        private List<Object> appealedAgainst(CommitteeId decidingBody) {
            return plus(decidedCase(MEMBER, WARNING, decidingBody), appealFiled());
        }

        @Test
        @DisplayName("the Central Inspection Commission upholds the provincial commission's warning; the case is DECIDED again")
        void upheldAbove() {
            fixture.given(appealedAgainst(UBKT_TU))
                    .when(resolve(UBKT_TW, AppealResult.UPHELD, null))
                    .expectEvents(new AppealResolved(CASE, RESOLVED_ON, UBKT_TW, "QĐ 99-QĐ/KN", AppealResult.UPHELD,
                            WARNING, WARNING, "2026.2"))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "DECIDED", 7));
        }

        @Test
        @DisplayName("the commune commission, below the provincial commission, may not resolve its appeal")
        void notAbove() {
            fixture.given(appealedAgainst(UBKT_TU))
                    .when(resolve(UBKT_XA, AppealResult.UPHELD, null))
                    .expectException(violating("R-APPEAL", "case.appeal.notAbove"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the deciding body may not resolve the appeal against its own decision (R-DUTIES)")
        void sameBody() {
            fixture.given(appealedAgainst(UBKT_TU))
                    .when(resolve(UBKT_TU, AppealResult.UPHELD, null))
                    .expectException(violating("R-DUTIES", "case.duties.sameBody", "2026.2"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("why a changed decision was changed travels to the event the statistical forms count (form 16)")
        void changeReason() {
            fixture.given(appealedAgainst(UBKT_TU))
                    .when(new ResolveAppeal(CASE, RESOLVED_ON, UBKT_TW, "QĐ 99-QĐ/KN", AppealResult.FORM_REDUCED, REPRIMAND,
                            AppealChangeReason.NEW_FACTS))
                    .expectEvents(new AppealResolved(CASE, RESOLVED_ON, UBKT_TW, "QĐ 99-QĐ/KN",
                            AppealResult.FORM_REDUCED, WARNING, REPRIMAND, "2026.2", AppealChangeReason.NEW_FACTS));
        }

        @Test
        @DisplayName("a warning may be reduced to a reprimand")
        void reduced() {
            fixture.given(appealedAgainst(UBKT_TU))
                    .when(resolve(UBKT_TW, AppealResult.FORM_REDUCED, REPRIMAND))
                    .expectEvents(new AppealResolved(CASE, RESOLVED_ON, UBKT_TW, "QĐ 99-QĐ/KN",
                            AppealResult.FORM_REDUCED, WARNING, REPRIMAND, "2026.2"));
        }

        @Test
        @DisplayName("a warning may not be 'reduced' to expulsion")
        void reducedToAHeavierForm() {
            fixture.given(appealedAgainst(UBKT_TU))
                    .when(resolve(UBKT_TW, AppealResult.FORM_REDUCED, EXPULSION))
                    .expectException(violating("R-APPEAL", "case.appeal.formDirection"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the provincial committee may increase the commune committee's warning to dismissal")
        void increasedWithinCompetence() {
            fixture.given(appealedAgainst(XA))
                    .when(resolve(TU, AppealResult.FORM_INCREASED, DISMISSAL))
                    .expectEvents(new AppealResolved(CASE, RESOLVED_ON, TU, "QĐ 99-QĐ/KN", AppealResult.FORM_INCREASED,
                            WARNING, DISMISSAL, "2026.2"));
        }

        @Test
        @DisplayName("the provincial commission, which may not dismiss a member on no committee, may not increase the warning to dismissal (R-COMPETENCE)")
        void increasedBeyondCompetence() {
            fixture.given(appealedAgainst(XA))
                    .when(resolve(UBKT_TU, AppealResult.FORM_INCREASED, DISMISSAL))
                    .expectException(violating("R-COMPETENCE", "case.competence.decision"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("after an annulment nothing is in force: a second appeal is refused")
        void annulledThenAppealedAgain() {
            fixture.given(plus(appealedAgainst(UBKT_TU), new AppealResolved(CASE, RESOLVED_ON, UBKT_TW, "QĐ 99",
                            AppealResult.ANNULLED, WARNING, null, "2026.2")))
                    .when(new FileAppeal(CASE, LocalDate.of(2026, 9, 21), RECEIVED_ON, "Lần hai"))
                    .expectException(conflict("case.nothingInForce"))
                    .expectNoEvents();
        }

        private ResolveAppeal resolve(CommitteeId body, AppealResult result, DisciplineForm newForm) {
            return new ResolveAppeal(CASE, RESOLVED_ON, body, " QĐ 99-QĐ/KN ", result, newForm);
        }
    }
}
