package vn.ubkt.casework.command.cases;

import static vn.ubkt.casework.events.cases.DisciplineForm.DISSOLUTION;
import static vn.ubkt.casework.events.cases.DisciplineForm.EXPULSION;
import static vn.ubkt.casework.events.cases.DisciplineForm.REPRIMAND;
import static vn.ubkt.casework.events.cases.DisciplineForm.WARNING;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.ubkt.casework.command.cases.CaseCommands.DecisionResult;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.DisciplineNotImposed;
import vn.ubkt.casework.events.cases.NotImposedReason;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * R-LIMITATION (QĐ 69 art. 4; HD 02-HD/TW), counted from the end of the violation to the conclusion date: 5 years
 * for REPRIMAND, 10 for WARNING (and DISMISSAL); no limit for EXPULSION, DISSOLUTION and the categories of internal
 * political security, national security, defence and foreign affairs, and illegal diplomas. The body concludes,
 * votes a form, then compares it with the limit: an expired limit is an outcome — discipline not imposed, with the
 * form voted — never a refusal. Decisions here are taken on 5 October 2026, months after the conclusion, to show
 * that the limit runs to the conclusion and not to the decision.
 */
class TimeLimitTest extends CaseTestBase {

    /** Judged by rulebook 2026.2 (from 17 August 2026, QĐ 212-QĐ/TW), which carries the limits forward. */
    private static final LocalDate DECISION = LocalDate.of(2026, 10, 5);
    /** The appeal window of a decision announced on DECISION: one month later. */
    private static final LocalDate WINDOW = LocalDate.of(2026, 11, 5);
    private static final LocalDate CONCLUSION = LocalDate.of(2026, 4, 6);
    private static final LocalDate DAY_AFTER = LocalDate.of(2026, 4, 7);

    @Nested
    @DisplayName("REPRIMAND: five years")
    class Reprimand {

        @Test
        @DisplayName("a violation ended on 6 April 2021 and concluded on 6 April 2026 — exactly five years — is reprimanded")
        void exactlyFiveYears() {
            fixture.given(history(MEMBER, CONCLUSION, LocalDate.of(2021, 4, 6), ViolationCategory.FINANCE_AND_ASSETS))
                    .when(decide(UBKT_TU, DECISION, 9, ballot(3, REPRIMAND, 6)))
                    .expectEvents(decided(UBKT_TU, 9, Map.of("REPRIMAND", 6, "NONE", 3), REPRIMAND));
        }

        @Test
        @DisplayName("concluded on 7 April 2026, one day later, the reprimand voted is not imposed: TIME_LIMIT_EXPIRED")
        void oneDayLate() {
            fixture.given(history(MEMBER, DAY_AFTER, LocalDate.of(2021, 4, 6), ViolationCategory.FINANCE_AND_ASSETS))
                    .when(decide(UBKT_TU, DECISION, 9, ballot(3, REPRIMAND, 6)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expired(UBKT_TU, 9, Map.of("REPRIMAND", 6, "NONE", 3), REPRIMAND))
                    .expectResultMessagePayload(new DecisionResult(CASE.value(), "DECIDED", 4, "NOT_IMPOSED", REPRIMAND,
                            "TIME_LIMIT_EXPIRED"));
        }

        @Test
        @DisplayName("the same violation, five years and a day old, voted a WARNING is imposed: a warning has ten years")
        void warningLevelHasTenYears() {
            fixture.given(history(MEMBER, DAY_AFTER, LocalDate.of(2021, 4, 6), ViolationCategory.FINANCE_AND_ASSETS))
                    .when(decide(UBKT_TU, DECISION, 9, ballot(3, WARNING, 6)))
                    .expectEvents(decided(UBKT_TU, 9, Map.of("WARNING", 6, "NONE", 3), WARNING));
        }
    }

    @Nested
    @DisplayName("WARNING: ten years")
    class Warning {

        @Test
        @DisplayName("a violation ended on 6 April 2016 and concluded on 6 April 2026 — exactly ten years — is warned")
        void exactlyTenYears() {
            fixture.given(history(MEMBER, CONCLUSION, LocalDate.of(2016, 4, 6), ViolationCategory.LAND_AND_RESOURCES))
                    .when(decide(UBKT_TU, DECISION, 9, ballot(3, WARNING, 6)))
                    .expectEvents(decided(UBKT_TU, 9, Map.of("WARNING", 6, "NONE", 3), WARNING));
        }

        @Test
        @DisplayName("concluded one day later, the warning voted is not imposed: TIME_LIMIT_EXPIRED")
        void oneDayLate() {
            fixture.given(history(MEMBER, DAY_AFTER, LocalDate.of(2016, 4, 6), ViolationCategory.LAND_AND_RESOURCES))
                    .when(decide(UBKT_TU, DECISION, 9, ballot(3, WARNING, 6)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expired(UBKT_TU, 9, Map.of("WARNING", 6, "NONE", 3), WARNING));
        }
    }

    @Nested
    @DisplayName("no limit")
    class NoLimit {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = ViolationCategory.class,
                names = {"INTERNAL_POLITICAL_SECURITY", "NATIONAL_SECURITY_DEFENCE_FOREIGN_AFFAIRS", "ILLEGAL_DIPLOMAS"})
        @DisplayName("a violation of a no-limit category, ended 25 years before the conclusion, is still reprimanded")
        void noLimitCategories(ViolationCategory category) {
            fixture.given(history(MEMBER, CONCLUSION, LocalDate.of(2001, 4, 6), category))
                    .when(decide(UBKT_TU, DECISION, 9, ballot(3, REPRIMAND, 6)))
                    .expectEvents(decided(UBKT_TU, 9, Map.of("REPRIMAND", 6, "NONE", 3), REPRIMAND));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = ViolationCategory.class, names = {"CORRUPTION_AND_NEGATIVITY", "ETHICS_AND_LIFESTYLE", "OTHER"})
        @DisplayName("a violation of another category, ended 25 years before the conclusion, is not imposed")
        void otherCategories(ViolationCategory category) {
            fixture.given(history(MEMBER, CONCLUSION, LocalDate.of(2001, 4, 6), category))
                    .when(decide(UBKT_TU, DECISION, 9, ballot(3, REPRIMAND, 6)))
                    .expectEvents(expired(UBKT_TU, 9, Map.of("REPRIMAND", 6, "NONE", 3), REPRIMAND));
        }

        @Test
        @DisplayName("EXPULSION has no limit: a violation ended 30 years before the conclusion is expelled")
        void expulsion() {
            fixture.given(history(MEMBER, CONCLUSION, LocalDate.of(1996, 4, 6), ViolationCategory.CORRUPTION_AND_NEGATIVITY))
                    .when(decide(UBKT_TU, DECISION, 9, ballot(3, EXPULSION, 6)))
                    .expectEvents(decided(UBKT_TU, 9, Map.of("EXPULSION", 6, "NONE", 3), EXPULSION));
        }

        @Test
        @DisplayName("a continuing violation, begun in 2001 and not ended, counts from the conclusion: it is reprimanded")
        void continuingViolation() {
            fixture.given(planned(MEMBER), opened(),
                            new CaseConcluded(CASE, CONCLUSION, "KL 03", Outcome.VIOLATION,
                                    List.of(ViolationCategory.FINANCE_AND_ASSETS), LocalDate.of(2001, 1, 1), null, true,
                                    "Vi phạm kéo dài", null),
                            heard())
                    .when(decide(UBKT_TU, DECISION, 9, ballot(3, REPRIMAND, 6)))
                    .expectEvents(decided(UBKT_TU, 9, Map.of("REPRIMAND", 6, "NONE", 3), REPRIMAND));
        }
    }

    @Nested
    @DisplayName("organizations")
    class Organizations {

        private final Subject.Organization commune = new Subject.Organization(XA);

        @Test
        @DisplayName("the commune committee, reprimanded by the provincial standing committee five years and a day after the violation, is not: TIME_LIMIT_EXPIRED")
        void reprimandExpired() {
            fixture.given(history(commune, DAY_AFTER, LocalDate.of(2021, 4, 6), ViolationCategory.LAX_LEADERSHIP))
                    .when(decide(BTV_TU, DECISION, 15, ballot(5, REPRIMAND, 10)))
                    .expectEvents(expired(BTV_TU, 15, Map.of("REPRIMAND", 10, "NONE", 5), REPRIMAND));
        }

        @Test
        @DisplayName("on exactly five years it is reprimanded")
        void reprimandInTime() {
            fixture.given(history(commune, CONCLUSION, LocalDate.of(2021, 4, 6), ViolationCategory.LAX_LEADERSHIP))
                    .when(decide(BTV_TU, DECISION, 15, ballot(5, REPRIMAND, 10)))
                    .expectEvents(decided(BTV_TU, 15, Map.of("REPRIMAND", 10, "NONE", 5), REPRIMAND));
        }

        @Test
        @DisplayName("DISSOLUTION has no limit: the provincial committee dissolves it 30 years after the violation")
        void dissolution() {
            fixture.given(history(commune, CONCLUSION, LocalDate.of(1996, 4, 6), ViolationCategory.LAX_LEADERSHIP))
                    .when(decide(TU, DECISION, 53, ballot(13, DISSOLUTION, 40)))
                    .expectEvents(decided(TU, 53, Map.of("DISSOLUTION", 40, "NONE", 13), DISSOLUTION));
        }
    }

    /** Planned, opened, concluded on {@code concludedOn} for a violation ended on {@code violationTo}, heard. */
    private static List<Object> history(Subject subject, LocalDate concludedOn, LocalDate violationTo,
                                        ViolationCategory category) {
        return List.of(planned(subject), new CaseOpened(CASE, OPENED_ON, "QĐ 12", TEAM, LEAD.memberId()),
                concluded(concludedOn, List.of(category), violationTo.minusYears(1), violationTo), heard());
    }

    private static DisciplineDecided decided(CommitteeId body, int eligible, Map<String, Integer> ballot,
                                             DisciplineForm form) {
        return new DisciplineDecided(CASE, DECISION, body, "QĐ 45-QĐ/KL", eligible, ballot, form, DECISION, DECISION,
                "2026.2", List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, WINDOW, "R-APPEAL", "2026.2")));
    }

    private static DisciplineNotImposed expired(CommitteeId body, int eligible, Map<String, Integer> ballot,
                                                DisciplineForm voted) {
        return new DisciplineNotImposed(CASE, DECISION, body, "QĐ 45-QĐ/KL", eligible, ballot, voted,
                NotImposedReason.TIME_LIMIT_EXPIRED, "2026.2");
    }
}
