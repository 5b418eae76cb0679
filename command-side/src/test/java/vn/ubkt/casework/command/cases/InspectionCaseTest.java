package vn.ubkt.casework.command.cases;

import static vn.ubkt.casework.events.cases.DisciplineForm.EXPULSION;
import static vn.ubkt.casework.events.cases.DisciplineForm.REPRIMAND;
import static vn.ubkt.casework.events.cases.DisciplineForm.WARNING;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.command.cases.CaseCommands.CloseCase;
import vn.ubkt.casework.command.cases.CaseCommands.ConcludeCase;
import vn.ubkt.casework.command.cases.CaseCommands.ConclusionResult;
import vn.ubkt.casework.command.cases.CaseCommands.DecisionResult;
import vn.ubkt.casework.command.cases.CaseCommands.Escalation;
import vn.ubkt.casework.command.cases.CaseCommands.HearSubject;
import vn.ubkt.casework.command.cases.CaseCommands.OpenCase;
import vn.ubkt.casework.command.cases.CaseCommands.PlanCase;
import vn.ubkt.casework.command.cases.CaseCommands.PostponeDiscipline;
import vn.ubkt.casework.command.cases.CaseCommands.ProposeDiscipline;
import vn.ubkt.casework.command.cases.CaseCommands.RecordExplanation;
import vn.ubkt.casework.command.cases.CaseCommands.RecordFindings;
import vn.ubkt.casework.command.cases.CaseCommands.StepResult;
import vn.ubkt.casework.command.cases.CaseCommands.TransferCase;
import vn.ubkt.casework.command.cases.CaseCommands.WaiveHearing;
import vn.ubkt.casework.command.cases.CaseCommands.WithdrawCase;
import vn.ubkt.casework.events.cases.CaseClosed;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseEscalated;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseTransferred;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.CaseWithdrawn;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.DenunciationResult;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineNotImposed;
import vn.ubkt.casework.events.cases.DisciplinePostponed;
import vn.ubkt.casework.events.cases.DisciplineProposed;
import vn.ubkt.casework.events.cases.Evidence;
import vn.ubkt.casework.events.cases.ExplanationRecorded;
import vn.ubkt.casework.events.cases.FindingsRecorded;
import vn.ubkt.casework.events.cases.HearingWaived;
import vn.ubkt.casework.events.cases.NotImposedReason;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.PostponementReason;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.cases.SubjectHeard;
import vn.ubkt.casework.events.cases.TeamMember;
import vn.ubkt.casework.events.cases.TransferCause;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * The case lifecycle step by step (DOMAIN.md "Lifecycle"), each step once allowed with the exact events it
 * publishes and once refused, and the rules that are not about forms, ballots, time limits, competence or
 * appeals: R-HEARD, R-ONCE, R-DUTIES (team), R-DATES, R-OUTCOME, transfers, withdrawal and closing.
 */
class InspectionCaseTest extends CaseTestBase {

    /** In force from 11 April 2026 (QĐ 21-QĐ/TW): the steps from the hearing on are judged by it. */
    private static final String RULEBOOK_2026 = "2026.1";
    /** In force until 10 April 2026: the case is planned and opened under it. */
    private static final String RULEBOOK_2025 = "2025.1";

    @Nested
    @DisplayName("planning")
    class Planning {

        private PlanCase plan(CommitteeId committee, LocalDate on, CaseType type) {
            return new PlanCase(CASE, type, committee, MEMBER, "  Dấu hiệu vi phạm trong quản lý quỹ hội ",
                    " KH 05-KH/UBKT ", on, on, on.plusMonths(2), CaseOrigin.NONE);
        }

        @Test
        @DisplayName("the provincial commission plans an inspection of a member: the plan is recorded without blanks and opens no deadline")
        void plan() {
            fixture.givenNoPriorActivity()
                    .when(plan(UBKT_TU, PLANNED_ON, CaseType.INSPECTION_SIGNS_OF_VIOLATION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CasePlanned(CASE, CaseType.INSPECTION_SIGNS_OF_VIOLATION, UBKT_TU, MEMBER,
                            "Dấu hiệu vi phạm trong quản lý quỹ hội", "KH 05-KH/UBKT", PLANNED_ON, PLANNED_ON,
                            LocalDate.of(2026, 4, 2), CaseOrigin.NONE, List.of()));
        }

        @Test
        @DisplayName("the district commission may plan on 30 June 2025, the last day before the district level ended")
        void districtCommissionBeforeTheReform() {
            fixture.givenNoPriorActivity()
                    .when(plan(UBKT_HU, LocalDate.of(2025, 6, 30), CaseType.SUPERVISION_THEMATIC))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloadTypes(CasePlanned.class));
        }

        @Test
        @DisplayName("the district commission may not plan on 1 July 2025: it no longer stands (TREE-STANDING)")
        void districtCommissionFromTheReform() {
            fixture.givenNoPriorActivity()
                    .when(plan(UBKT_HU, REFORM, CaseType.SUPERVISION_THEMATIC))
                    .expectException(violating("TREE-STANDING", "case.committee.notStanding", "2025.1"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a subject whose organization is not in the tree is refused (TREE-STANDING)")
        void unknownSubjectOrganization() {
            fixture.givenNoPriorActivity()
                    .when(new PlanCase(CASE, CaseType.INSPECTION_SIGNS_OF_VIOLATION, UBKT_TU,
                            new Subject.Organization(CommitteeId.of("CHI-BO-LA")),
                            "Nội dung", "KH 05", PLANNED_ON, PLANNED_ON, PLANNED_ON, CaseOrigin.NONE))
                    .expectException(violating("TREE-STANDING", "case.committee.unknown"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a plan dated tomorrow is refused (R-DATES)")
        void planInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(plan(UBKT_TU, TODAY.plusDays(1), CaseType.INSPECTION_SIGNS_OF_VIOLATION))
                    .expectException(violating("R-DATES", "case.dates.future"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a planned period that ends before it starts is refused (R-DATES)")
        void periodBackwards() {
            fixture.givenNoPriorActivity()
                    .when(new PlanCase(CASE, CaseType.INSPECTION_FINANCE, UBKT_TU, MEMBER, "Nội dung", "KH 05",
                            PLANNED_ON, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28), CaseOrigin.NONE))
                    .expectException(violating("R-DATES", "case.dates.order"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("opening, explanation and findings")
    class Opening {

        @Test
        @DisplayName("a planned case is opened with its decision and team; the answer is status OPEN at version 1")
        void open() {
            fixture.given(planned(MEMBER))
                    .when(new OpenCase(CASE, OPENED_ON, " QĐ 12-QĐ/UBKT ", TEAM, LEAD.memberId()))
                    .expectEvents(new CaseOpened(CASE, OPENED_ON, "QĐ 12-QĐ/UBKT", TEAM, LEAD.memberId()))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "OPEN", 1));
        }

        @Test
        @DisplayName("a planned case cannot record findings before it is opened")
        void findingsBeforeOpening() {
            fixture.given(planned(MEMBER))
                    .when(new RecordFindings(CASE, OPENED_ON, "Biên bản", List.of()))
                    .expectException(refusedInStatus("PLANNED"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the subject's explanation is recorded, any number of times, and does not change the status")
        void explanation() {
            fixture.given(plus(openCase(MEMBER), new ExplanationRecorded(CASE,
                            LocalDate.of(2026, 3, 2), "Lần 1")))
                    .when(new RecordExplanation(CASE, LocalDate.of(2026, 3, 9), " Giải trình lần 2 "))
                    .expectEvents(new ExplanationRecorded(CASE, LocalDate.of(2026, 3, 9), "Giải trình lần 2"))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "OPEN", 3));
        }

        @Test
        @DisplayName("findings are recorded with their evidence")
        void findings() {
            List<Evidence> evidence = List.of(new Evidence("BB-07/2026", "a".repeat(64)), new Evidence("SK-03", null));
            fixture.given(openCase(MEMBER))
                    .when(new RecordFindings(CASE, LocalDate.of(2026, 3, 16), "Chi sai quỹ hội 120 triệu đồng", evidence))
                    .expectEvents(new FindingsRecorded(CASE, LocalDate.of(2026, 3, 16), "Chi sai quỹ hội 120 triệu đồng",
                            evidence));
        }

        @Test
        @DisplayName("an explanation dated before the opening is refused (R-DATES)")
        void explanationBeforeOpening() {
            fixture.given(openCase(MEMBER))
                    .when(new RecordExplanation(CASE, OPENED_ON.minusDays(1), "Giải trình"))
                    .expectException(violating("R-DATES", "case.dates.order"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("R-DUTIES: the subject is never on the team of its own case")
    class TeamDuties {

        @Test
        @DisplayName("a team that includes the subject is refused")
        void subjectOnTheTeam() {
            fixture.given(planned(MEMBER))
                    .when(new OpenCase(CASE, OPENED_ON, "QĐ 12", List.of(LEAD, new TeamMember(MEMBER.memberId(),
                            MEMBER.fullName())), LEAD.memberId()))
                    .expectException(violating("R-DUTIES", "case.duties.subjectOnTeam", RULEBOOK_2025))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a team without the subject is accepted, even with a namesake whose card number differs")
        void namesakeOnTheTeam() {
            List<TeamMember> team = List.of(LEAD, new TeamMember("UBKT-TU-09", MEMBER.fullName()));
            fixture.given(planned(MEMBER))
                    .when(new OpenCase(CASE, OPENED_ON, "QĐ 12", team, LEAD.memberId()))
                    .expectEvents(new CaseOpened(CASE, OPENED_ON, "QĐ 12", team, LEAD.memberId()));
        }
    }

    @Nested
    @DisplayName("R-DATES: business dates are never in the future and follow the order of the steps")
    class Dates {

        @Test
        @DisplayName("opening dated tomorrow is refused")
        void tomorrow() {
            fixture.given(planned(MEMBER))
                    .when(new OpenCase(CASE, TODAY.plusDays(1), "QĐ 12", TEAM, LEAD.memberId()))
                    .expectException(violating("R-DATES", "case.dates.future"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("opening dated today is accepted")
        void today() {
            fixture.given(planned(MEMBER))
                    .when(new OpenCase(CASE, TODAY, "QĐ 12", TEAM, LEAD.memberId()))
                    .expectEvents(new CaseOpened(CASE, TODAY, "QĐ 12", TEAM, LEAD.memberId()));
        }

        @Test
        @DisplayName("a conclusion dated the day before the opening is refused")
        void concludedBeforeOpened() {
            fixture.given(openCase(MEMBER))
                    .when(conclude(OPENED_ON.minusDays(1), Outcome.SHORTCOMING, List.of(), false))
                    .expectException(violating("R-DATES", "case.dates.order"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a conclusion on the very day of the opening is accepted")
        void concludedSameDay() {
            fixture.given(openCase(MEMBER))
                    .when(conclude(OPENED_ON, Outcome.SHORTCOMING, List.of(), false))
                    .expectEventsMatching(payloadTypes(CaseConcluded.class));
        }

        @Test
        @DisplayName("a violation that ends after the conclusion is refused")
        void violationAfterConclusion() {
            fixture.given(openCase(MEMBER))
                    .when(new ConcludeCase(CASE, CONCLUDED_ON, "KL 03", Outcome.VIOLATION,
                            List.of(ViolationCategory.OTHER), VIOLATION_FROM, CONCLUDED_ON.plusDays(1), true, "Vi phạm",
                            null, null, null))
                    .expectException(violating("R-DATES", "case.dates.violationAfterConclusion"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a decision announced before it was taken is refused")
        void announcedBeforeDecided() {
            fixture.given(heardCase(MEMBER))
                    .when(new CaseCommands.DecideDiscipline(CASE, DECIDED_ON, UBKT_TU, "QĐ 45", 9,
                            ballot(3, WARNING, 6), DECIDED_ON.minusDays(1), DECIDED_ON))
                    .expectException(violating("R-DATES", "case.dates.order"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("concluding (R-OUTCOME)")
    class Concluding {

        @Test
        @DisplayName("a referral to the investigating authorities and a finance inspection's amounts travel with the "
                + "conclusion (forms 19, 20), each optional")
        void referralAndAmounts() {
            fixture.given(planned(MEMBER), opened())
                    .when(new ConcludeCase(CASE, CONCLUDED_ON, "KL 03", Outcome.VIOLATION, List.of(ViolationCategory.OTHER),
                            null, null, true, "Vi phạm", null, null, null, true, 350_000L, 120_000L))
                    .expectEvents(new CaseConcluded(CASE, CONCLUDED_ON, "KL 03", Outcome.VIOLATION,
                            List.of(ViolationCategory.OTHER), null, null, true, "Vi phạm", null, true, 350_000L, 120_000L));
        }

        @Test
        @DisplayName("an inspection concludes with a violation that warrants discipline; the answer is status CONCLUDED")
        void violation() {
            fixture.given(openCase(MEMBER))
                    .when(conclude(CONCLUDED_ON, Outcome.VIOLATION, List.of(ViolationCategory.FINANCE_AND_ASSETS), true))
                    .expectEvents(new CaseConcluded(CASE, CONCLUDED_ON, "KL 03-KL/UBKT", Outcome.VIOLATION,
                            List.of(ViolationCategory.FINANCE_AND_ASSETS), VIOLATION_FROM, VIOLATION_TO, true,
                            "Vi phạm trong quản lý quỹ hội", null))
                    .expectResultMessagePayload(new ConclusionResult(CASE.value(), "CONCLUDED", 2, null));
        }

        @Test
        @DisplayName("an inspection may not conclude with signs of violation: only a supervision does")
        void signsOnAnInspection() {
            fixture.given(openCase(MEMBER))
                    .when(signsOfViolation(CaseId.of("KT-2026-018")))
                    .expectException(violating("R-OUTCOME", "case.outcome.signsOnlySupervision"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("discipline cannot be warranted by a conclusion that found only a shortcoming")
        void disciplineWithoutViolation() {
            fixture.given(openCase(MEMBER))
                    .when(conclude(CONCLUDED_ON, Outcome.SHORTCOMING, List.of(), true))
                    .expectException(violating("R-OUTCOME", "case.outcome.disciplineNeedsViolation"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a violation must name its categories")
        void violationWithoutCategories() {
            fixture.given(openCase(MEMBER))
                    .when(conclude(CONCLUDED_ON, Outcome.VIOLATION, List.of(), true))
                    .expectException(violating("R-OUTCOME", "case.outcome.categoriesRequired"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a denunciation cannot conclude without its result")
        void denunciationWithoutResult() {
            fixture.given(planned(CaseType.DENUNCIATION, MEMBER), opened())
                    .when(conclude(CONCLUDED_ON, Outcome.SHORTCOMING, List.of(), false))
                    .expectException(violating("R-OUTCOME", "case.outcome.denunciationResultRequired"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a denunciation concludes with its result: partly true")
        void denunciationResult() {
            fixture.given(planned(CaseType.DENUNCIATION, MEMBER), opened())
                    .when(new ConcludeCase(CASE, CONCLUDED_ON, "KL 03", Outcome.SHORTCOMING, List.of(), null, null,
                            false, "Tố cáo đúng một phần", DenunciationResult.PARTLY_TRUE, null, null))
                    .expectEvents(new CaseConcluded(CASE, CONCLUDED_ON, "KL 03", Outcome.SHORTCOMING, List.of(), null,
                            null, false, "Tố cáo đúng một phần", DenunciationResult.PARTLY_TRUE));
        }

        @Test
        @DisplayName("a supervision with signs of violation is concluded and escalated, and a new inspection of the same subject is planned from it")
        void escalation() {
            CaseId inspection = CaseId.of("KT-2026-018");
            CasePlanned newInspection = new CasePlanned(inspection, CaseType.INSPECTION_SIGNS_OF_VIOLATION, UBKT_TU,
                    MEMBER, "Có dấu hiệu vi phạm trong quản lý quỹ hội", "KH 09-KH/UBKT", CONCLUDED_ON,
                    LocalDate.of(2026, 4, 13), LocalDate.of(2026, 6, 30), CaseOrigin.supervision(CASE), List.of());
            fixture.given(planned(CaseType.SUPERVISION_THEMATIC, MEMBER), opened())
                    .when(signsOfViolation(inspection))
                    .expectSuccessfulHandlerExecution()
                    // the fixture records the event of the aggregate created by AggregateLifecycle.createNew
                    // after those of the supervision, as a plain event message: its repository for created
                    // aggregates is not event-sourced (EscalationTest shows the case stored as its own aggregate)
                    .expectEvents(new CaseConcluded(CASE, CONCLUDED_ON, "KL 07-KL/UBKT", Outcome.SIGNS_OF_VIOLATION,
                                    List.of(), null, null, false, "Có dấu hiệu vi phạm trong quản lý quỹ hội", null),
                            new CaseEscalated(CASE, CONCLUDED_ON, inspection),
                            newInspection)
                    .expectEventsMatching(aggregates(CASE.value() + "#2", CASE.value() + "#3", "not a domain event"))
                    .expectResultMessagePayload(new ConclusionResult(CASE.value(), "ESCALATED", 3, inspection.value()));
        }

        @Test
        @DisplayName("signs of violation without an escalation are refused")
        void signsWithoutEscalation() {
            fixture.given(planned(CaseType.SUPERVISION_REGULAR, MEMBER), opened())
                    .when(new ConcludeCase(CASE, CONCLUDED_ON, "KL 07", Outcome.SIGNS_OF_VIOLATION, List.of(), null,
                            null, false, "Dấu hiệu", null, null, CaseId.of("KT-2026-018")))
                    .expectException(violating("R-OUTCOME", "case.outcome.escalationRequired"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an escalation whose planned period ends before it starts is refused, and nothing is published, not even the conclusion")
        void escalationPeriodBackwards() {
            fixture.given(planned(CaseType.SUPERVISION_THEMATIC, MEMBER), opened())
                    .when(new ConcludeCase(CASE, CONCLUDED_ON, "KL 07", Outcome.SIGNS_OF_VIOLATION, List.of(), null,
                            null, false, "Dấu hiệu", null,
                            new Escalation("KH 09", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 4, 13)),
                            CaseId.of("KT-2026-018")))
                    .expectException(violating("R-DATES", "case.dates.order"))
                    .expectNoEvents();
        }

        private ConcludeCase signsOfViolation(CaseId inspection) {
            return new ConcludeCase(CASE, CONCLUDED_ON, "KL 07-KL/UBKT", Outcome.SIGNS_OF_VIOLATION, List.of(), null,
                    null, false, " Có dấu hiệu vi phạm trong quản lý quỹ hội ", null,
                    new Escalation(" KH 09-KH/UBKT", LocalDate.of(2026, 4, 13), LocalDate.of(2026, 6, 30)), inspection);
        }
    }

    @Nested
    @DisplayName("hearing the subject (R-HEARD)")
    class Hearing {

        @Test
        @DisplayName("the subject is heard with the form they propose; the status stays CONCLUDED")
        void heard() {
            fixture.given(planned(MEMBER), opened(), concluded(true))
                    .when(new HearSubject(CASE, HEARD_ON, " Nhận khuyết điểm ", REPRIMAND))
                    .expectEvents(new SubjectHeard(CASE, HEARD_ON, "Nhận khuyết điểm", REPRIMAND))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "CONCLUDED", 3));
        }

        @Test
        @DisplayName("a hearing before the conclusion is refused by the status")
        void hearBeforeConclusion() {
            fixture.given(openCase(MEMBER))
                    .when(new HearSubject(CASE, HEARD_ON, "Trình bày", null))
                    .expectException(refusedInStatus("OPEN"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("discipline cannot be decided before the subject was heard")
        void decideBeforeHearing() {
            fixture.given(planned(MEMBER), opened(), concluded(true))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(3, WARNING, 6)))
                    .expectException(violating("R-HEARD", "case.heard.notHeard", RULEBOOK_2026))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the hearing may be waived, with its reason")
        void waive() {
            fixture.given(planned(MEMBER), opened(), concluded(true))
                    .when(new WaiveHearing(CASE, HEARD_ON, " Đương sự từ chối trình bày "))
                    .expectEvents(new HearingWaived(CASE, HEARD_ON, "Đương sự từ chối trình bày"))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "CONCLUDED", 3));
        }

        @Test
        @DisplayName("a hearing cannot be waived on a date before the conclusion (R-DATES)")
        void waivedBeforeConclusion() {
            fixture.given(planned(MEMBER), opened(), concluded(true))
                    .when(new WaiveHearing(CASE, CONCLUDED_ON.minusDays(1), "Đương sự từ chối trình bày"))
                    .expectException(violating("R-DATES", "case.dates.order"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("after a waived hearing discipline may be decided")
        void decideAfterWaivedHearing() {
            fixture.given(planned(MEMBER), opened(), concluded(true),
                            new HearingWaived(CASE, HEARD_ON, "Đương sự đang bị tạm giam"))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(3, WARNING, 6)))
                    .expectEvents(new DisciplineDecided(CASE, DECIDED_ON, UBKT_TU, "QĐ 45-QĐ/KL", 9,
                            recorded(3, WARNING, 6), WARNING, DECIDED_ON, DECIDED_ON, RULEBOOK_2026,
                            List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, LocalDate.of(2026, 6, 18), "R-APPEAL",
                                    RULEBOOK_2026))));
        }

        @Test
        @DisplayName("a probationary member may not propose a form they could not receive (R-FORMS)")
        void probationaryProposesExpulsion() {
            fixture.given(planned(PROBATIONARY_MEMBER), opened(), concluded(true))
                    .when(new HearSubject(CASE, HEARD_ON, "Trình bày", EXPULSION))
                    .expectException(violating("R-FORMS", "case.forms.probationary"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("proposing discipline")
    class Proposing {

        @Test
        @DisplayName("the cell proposes expulsion to the provincial commission with eleven of its fifteen votes (two thirds is ten)")
        void cellProposesExpulsion() {
            fixture.given(heardCase(MEMBER))
                    .when(new ProposeDiscipline(CASE, PROPOSED_ON, EXPULSION, CB1, UBKT_TU, " Vi phạm nghiêm trọng ",
                            ballot(4, EXPULSION, 11), null))
                    .expectEvents(new DisciplineProposed(CASE, PROPOSED_ON, EXPULSION, CB1, UBKT_TU,
                            "Vi phạm nghiêm trọng", recorded(4, EXPULSION, 11), RULEBOOK_2026))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "DISCIPLINE_PROPOSED", 4));
        }

        @Test
        @DisplayName("a proposal of expulsion without a ballot is refused (R-BALLOT)")
        void expulsionWithoutBallot() {
            fixture.given(heardCase(MEMBER))
                    .when(new ProposeDiscipline(CASE, PROPOSED_ON, EXPULSION, CB1, UBKT_TU, "Vi phạm", null, null))
                    .expectException(violating("R-BALLOT", "case.ballot.expulsionNeedsBallot"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a proposal of expulsion that nine of fifteen voted for is refused: the ballot did not pass it (R-BALLOT)")
        void expulsionBallotShort() {
            fixture.given(heardCase(MEMBER))
                    .when(new ProposeDiscipline(CASE, PROPOSED_ON, EXPULSION, CB1, UBKT_TU, "Vi phạm",
                            ballot(6, EXPULSION, 9), null))
                    .expectException(violating("R-BALLOT", "case.ballot.proposalNotPassed"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a proposal to a body that may not decide the form is refused (R-COMPETENCE): the commune standing committee cannot expel")
        void toABodyWithoutThePower() {
            fixture.given(heardCase(MEMBER))
                    .when(new ProposeDiscipline(CASE, PROPOSED_ON, EXPULSION, CB1, BTV_XA, "Vi phạm",
                            ballot(4, EXPULSION, 11), null))
                    .expectException(violating("R-COMPETENCE", "case.competence.proposal"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("no discipline can be proposed when the conclusion warranted none")
        void notWarranted() {
            fixture.given(planned(MEMBER), opened(), concluded(false))
                    .when(new ProposeDiscipline(CASE, PROPOSED_ON, WARNING, CB1, UBKT_TU, "Vi phạm", null, null))
                    .expectException(conflict("case.disciplineNotWarranted"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("R-ONCE: a case ends in at most one discipline; only an appeal changes it")
    class Once {

        @Test
        @DisplayName("after a proposal, discipline is decided a first time")
        void firstDecision() {
            fixture.given(plus(heardCase(MEMBER), proposed(WARNING)))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(3, WARNING, 6)))
                    .expectEventsMatching(payloadTypes(DisciplineDecided.class))
                    .expectResultMessagePayload(new DecisionResult(CASE.value(), "DECIDED", 5, "IMPOSED", WARNING, null));
        }

        @Test
        @DisplayName("a second decision on a decided case is refused")
        void secondDecision() {
            fixture.given(decidedCase(MEMBER, WARNING, UBKT_TU))
                    .when(decide(UBKT_TU, LocalDate.of(2026, 6, 1), 9, ballot(2, EXPULSION, 7)))
                    .expectException(violating("R-ONCE", "case.once.alreadyDecided"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a decision that imposed nothing is a decision too: deciding again is refused")
        void afterNotImposed() {
            fixture.given(plus(heardCase(MEMBER), new DisciplineNotImposed(CASE, DECIDED_ON, UBKT_TU, "QĐ 45", 9,
                            recorded(6, WARNING, 3), null, NotImposedReason.NO_FORM_PASSED, RULEBOOK_2026)))
                    .when(decide(UBKT_TU, LocalDate.of(2026, 6, 1), 9, ballot(3, WARNING, 6)))
                    .expectException(violating("R-ONCE", "case.once.alreadyDecided"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("postponing discipline")
    class Postponing {

        @Test
        @DisplayName("consideration is postponed while the member is treated in hospital; the status stays CONCLUDED")
        void postpone() {
            fixture.given(heardCase(MEMBER))
                    .when(new PostponeDiscipline(CASE, LocalDate.of(2026, 4, 27), PostponementReason.INPATIENT_TREATMENT,
                            "Điều trị nội trú"))
                    .expectEvents(new DisciplinePostponed(CASE, LocalDate.of(2026, 4, 27),
                            PostponementReason.INPATIENT_TREATMENT, "Điều trị nội trú"))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "CONCLUDED", 4));
        }

        private final DisciplinePostponed inHospitalUntilJuly = new DisciplinePostponed(CASE, LocalDate.of(2026, 4, 27),
                PostponementReason.INPATIENT_TREATMENT, "Điều trị nội trú", LocalDate.of(2026, 7, 1));

        @Test
        @DisplayName("a postponement with its end records the end; an end before the postponement is refused (R-DATES)")
        void postponeUntil() {
            fixture.given(heardCase(MEMBER))
                    .when(new PostponeDiscipline(CASE, LocalDate.of(2026, 4, 27), PostponementReason.INPATIENT_TREATMENT,
                            "Điều trị nội trú", LocalDate.of(2026, 7, 1)))
                    .expectEvents(inHospitalUntilJuly);
            fixture.given(heardCase(MEMBER))
                    .when(new PostponeDiscipline(CASE, LocalDate.of(2026, 4, 27), PostponementReason.INPATIENT_TREATMENT,
                            null, LocalDate.of(2026, 4, 26)))
                    .expectException(violating("R-DATES", "case.dates.order"));
        }

        @Test
        @DisplayName("while the member is in hospital (until 1 July 2026) no discipline is decided (R-POSTPONEMENT)")
        void holdsTheDecisionBack() {
            fixture.given(plus(heardCase(MEMBER), inHospitalUntilJuly))
                    .when(decide(UBKT_TU, LocalDate.of(2026, 6, 30), 9, ballot(3, WARNING, 6)))
                    .expectException(violating("R-POSTPONEMENT", "case.postponement.holds", RULEBOOK_2026))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("from the day the postponement ends the decision is taken")
        void decidedOnceItEnds() {
            LocalDate july = LocalDate.of(2026, 7, 1);
            fixture.given(plus(heardCase(MEMBER), inHospitalUntilJuly))
                    .when(decide(UBKT_TU, july, 9, ballot(3, WARNING, 6)))
                    .expectEventsMatching(payloadTypes(DisciplineDecided.class));
        }

        @Test
        @DisplayName("a member missing with no end recorded: the decision waits until the postponement is recorded again with its end")
        void missingWithoutEnd() {
            DisciplinePostponed missing = new DisciplinePostponed(CASE, LocalDate.of(2026, 4, 27), PostponementReason.MISSING,
                    null, null);
            fixture.given(plus(heardCase(MEMBER), missing))
                    .when(decide(UBKT_TU, LocalDate.of(2026, 9, 1), 9, ballot(3, WARNING, 6)))
                    .expectException(violating("R-POSTPONEMENT", "case.postponement.holds", "2026.2"));
            fixture.given(plus(heardCase(MEMBER), missing, new DisciplinePostponed(CASE, LocalDate.of(2026, 8, 3),
                            PostponementReason.MISSING, "Đã trở về", LocalDate.of(2026, 8, 3))))
                    .when(decide(UBKT_TU, LocalDate.of(2026, 9, 1), 9, ballot(3, WARNING, 6)))
                    .expectEventsMatching(payloadTypes(DisciplineDecided.class));
        }

        @Test
        @DisplayName("for a member who died the body's decision is recorded as not imposed — postponement case")
        void deceasedNotImposed() {
            LocalDate on = LocalDate.of(2026, 6, 1);
            fixture.given(plus(heardCase(MEMBER), new DisciplinePostponed(CASE, LocalDate.of(2026, 4, 27),
                            PostponementReason.DECEASED, "Đảng viên từ trần")))
                    .when(decide(UBKT_TU, on, 9, ballot(3, WARNING, 6)))
                    .expectEvents(new DisciplineNotImposed(CASE, on, UBKT_TU, "QĐ 45-QĐ/KL", 9, recorded(3, WARNING, 6),
                            WARNING, NotImposedReason.POSTPONEMENT_CASE, RULEBOOK_2026))
                    .expectResultMessagePayload(new DecisionResult(CASE.value(), "DECIDED", 5, "NOT_IMPOSED", WARNING,
                            "POSTPONEMENT_CASE"));
        }

        @Test
        @DisplayName("nothing is postponed when the conclusion warranted no discipline")
        void nothingToPostpone() {
            fixture.given(planned(MEMBER), opened(), concluded(false))
                    .when(new PostponeDiscipline(CASE, LocalDate.of(2026, 4, 27), PostponementReason.MISSING, null))
                    .expectException(conflict("case.disciplineNotWarranted"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("transferring and taking over")
    class Transferring {

        private static final CaseId COMMUNE_CASE = CASE;

        private CasePlanned plannedByCommune(LocalDate on) {
            return new CasePlanned(COMMUNE_CASE, CaseType.INSPECTION_TASK_PERFORMANCE, UBKT_XA, MEMBER, "Nội dung",
                    "KH 02", on, on, on.plusMonths(1), CaseOrigin.NONE, List.of());
        }

        @Test
        @DisplayName("a case of the commune commission moved to the provincial commission above it is a take-over")
        void takeOver() {
            LocalDate on = LocalDate.of(2026, 3, 2);
            fixture.given(plannedByCommune(PLANNED_ON))
                    .when(new TransferCase(CASE, on, UBKT_TU, " Cấp dưới không giải quyết ", null))
                    .expectEvents(new CaseTransferred(CASE, on, UBKT_XA, UBKT_TU, "Cấp dưới không giải quyết",
                            TransferCause.TAKE_OVER));
        }

        @Test
        @DisplayName("a case of the provincial commission sent down to the commune commission is a transfer")
        void transferDown() {
            LocalDate on = LocalDate.of(2026, 3, 2);
            fixture.given(planned(MEMBER))
                    .when(new TransferCase(CASE, on, UBKT_XA, "Theo thẩm quyền", null))
                    .expectEvents(new CaseTransferred(CASE, on, UBKT_TU, UBKT_XA, "Theo thẩm quyền",
                            TransferCause.TRANSFER));
        }

        @Test
        @DisplayName("on 30 June 2025 the district commission stood above the commune: taking the case there was a take-over")
        void takeOverByTheDistrictBeforeTheReform() {
            LocalDate on = LocalDate.of(2025, 6, 30);
            fixture.given(plannedByCommune(LocalDate.of(2025, 6, 2)))
                    .when(new TransferCase(CASE, on, UBKT_HU, "Cấp dưới không giải quyết", null))
                    .expectEvents(new CaseTransferred(CASE, on, UBKT_XA, UBKT_HU, "Cấp dưới không giải quyết",
                            TransferCause.TAKE_OVER));
        }

        @Test
        @DisplayName("on 1 July 2025 the district commission no longer stands: the transfer is refused (TREE-STANDING)")
        void toADissolvedCommission() {
            fixture.given(plannedByCommune(LocalDate.of(2025, 6, 2)))
                    .when(new TransferCase(CASE, REFORM, UBKT_HU, "Cấp dưới không giải quyết", null))
                    .expectException(violating("TREE-STANDING", "case.committee.notStanding"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a transfer to the committee that already holds the case is refused")
        void toItself() {
            fixture.given(planned(MEMBER))
                    .when(new TransferCase(CASE, LocalDate.of(2026, 3, 2), UBKT_TU, "Theo thẩm quyền", null))
                    .expectException(conflict("case.alreadyThere"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("withdrawing: only before the conclusion")
    class Withdrawing {

        @Test
        @DisplayName("an open case is withdrawn with its reason")
        void openCaseWithdrawn() {
            LocalDate on = LocalDate.of(2026, 3, 2);
            fixture.given(openCase(MEMBER))
                    .when(new WithdrawCase(CASE, on, " Đảng viên từ trần "))
                    .expectEvents(new CaseWithdrawn(CASE, on, "Đảng viên từ trần"))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "WITHDRAWN", 2));
        }

        @Test
        @DisplayName("a concluded case cannot be withdrawn")
        void concludedCaseNotWithdrawn() {
            fixture.given(planned(MEMBER), opened(), concluded(false))
                    .when(new WithdrawCase(CASE, HEARD_ON, "Không cần thiết"))
                    .expectException(refusedInStatus("CONCLUDED"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("closing")
    class Closing {

        private static final LocalDate CLOSED_ON = LocalDate.of(2026, 10, 1);

        @Test
        @DisplayName("a conclusion that warrants discipline cannot be closed while discipline is undecided")
        void disciplinePending() {
            fixture.given(heardCase(MEMBER))
                    .when(new CloseCase(CASE, CLOSED_ON))
                    .expectException(conflict("case.disciplinePending"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("once discipline is decided the case is closed; the answer is status CLOSED")
        void afterDecision() {
            fixture.given(decidedCase(MEMBER, WARNING, UBKT_TU))
                    .when(new CloseCase(CASE, CLOSED_ON))
                    .expectEvents(new CaseClosed(CASE, CLOSED_ON))
                    .expectResultMessagePayload(new StepResult(CASE.value(), "CLOSED", 6));
        }

        @Test
        @DisplayName("a conclusion that warrants no discipline is closed at once")
        void noDisciplineWarranted() {
            fixture.given(planned(MEMBER), opened(), concluded(false))
                    .when(new CloseCase(CASE, CONCLUDED_ON))
                    .expectEvents(new CaseClosed(CASE, CONCLUDED_ON));
        }

        @Test
        @DisplayName("an open case cannot be closed")
        void openCaseNotClosed() {
            fixture.given(openCase(MEMBER))
                    .when(new CloseCase(CASE, CLOSED_ON))
                    .expectException(refusedInStatus("OPEN"))
                    .expectNoEvents();
        }
    }

    // ---- helpers ----

    private static ConcludeCase conclude(LocalDate on, Outcome outcome, List<ViolationCategory> categories,
                                         boolean disciplineWarranted) {
        boolean violation = outcome == Outcome.VIOLATION;
        return new ConcludeCase(CASE, on, "KL 03-KL/UBKT", outcome, categories, violation ? VIOLATION_FROM : null,
                violation ? VIOLATION_TO : null, disciplineWarranted, "Vi phạm trong quản lý quỹ hội", null, null, null);
    }

    /** The published events' payload types, in order. */
    static Matcher<List<EventMessage<?>>> payloadTypes(Class<?>... types) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events, Description mismatch) {
                List<Class<?>> actual = events.stream().<Class<?>>map(EventMessage::getPayloadType).toList();
                if (!actual.equals(List.of(types))) {
                    mismatch.appendText("the payload types were ").appendValue(actual);
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events of types ").appendValue(List.of(types));
            }
        };
    }

    /** The published events' aggregate identifiers and sequence numbers, as {@code id#sequence}, in order. */
    static Matcher<List<EventMessage<?>>> aggregates(String... expected) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events, Description mismatch) {
                List<String> actual = events.stream().map(e -> e instanceof DomainEventMessage<?> d
                        ? d.getAggregateIdentifier() + "#" + d.getSequenceNumber() : "not a domain event").toList();
                if (!actual.equals(List.of(expected))) {
                    mismatch.appendText("the aggregates were ").appendValue(actual);
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events of the aggregates ").appendValue(List.of(expected));
            }
        };
    }
}
