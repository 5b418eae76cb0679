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
import vn.ubkt.casework.command.cases.CaseCommands.DecisionResult;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.DisciplineNotImposed;
import vn.ubkt.casework.events.cases.NotImposedReason;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * R-BALLOT (QĐ 22 art. 15; QĐ 69) on real shapes of ballots. A form passes with more than half of the eligible
 * voters, EXPULSION with at least two thirds; if no form passes on its own, votes are added from the heaviest form
 * downward until one passes; if none does, no discipline — recorded as such, not refused. The provincial
 * commission UBKT-TU that decides here has nine voting members; the subject is an official member of CB1 on no
 * committee, holding a post. Every expected form below is counted by hand in its test's name.
 */
class BallotTest extends CaseTestBase {

    /** The decision's appeal window: announced on DECIDED_ON (18 May 2026) plus one month. */
    private static final LocalDate WINDOW = LocalDate.of(2026, 6, 18);

    @Nested
    @DisplayName("counting from the heaviest form down")
    class HeaviestDown {

        @Test
        @DisplayName("9 eligible, DISMISSAL 3, WARNING 2, REPRIMAND 1, none 3: no form has more than 4.5; "
                + "DISMISSAL 3 does not pass, DISMISSAL+WARNING 5 does: WARNING")
        void splitAcrossForms() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(3, DISMISSAL, 3, WARNING, 2, REPRIMAND, 1)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(decided(Map.of("DISMISSAL", 3, "WARNING", 2, "REPRIMAND", 1, "NONE", 3), WARNING))
                    .expectResultMessagePayload(new DecisionResult(CASE.value(), "DECIDED", 4, "IMPOSED", WARNING, null));
        }

        @Test
        @DisplayName("9 eligible, WARNING 3, REPRIMAND 2, none 4: WARNING 3 does not pass, WARNING+REPRIMAND 5 does: REPRIMAND")
        void downToTheLightest() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(4, WARNING, 3, REPRIMAND, 2)))
                    .expectEvents(decided(Map.of("WARNING", 3, "REPRIMAND", 2, "NONE", 4), REPRIMAND));
        }

        @Test
        @DisplayName("9 eligible, 7 cast, WARNING 5, none 2: five is more than half of the eligible nine: WARNING")
        void majorityOfTheEligibleNotOfTheCast() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(2, WARNING, 5)))
                    .expectEvents(decided(Map.of("WARNING", 5, "NONE", 2), WARNING));
        }

        @Test
        @DisplayName("9 eligible, 5 cast, WARNING 4, none 1: four of five cast is not more than half of nine: nothing passes")
        void fourOfNineDoesNotPass() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(1, WARNING, 4)))
                    .expectEvents(notImposed(UBKT_TU, 9, Map.of("WARNING", 4, "NONE", 1)));
        }

        @Test
        @DisplayName("14 eligible of the provincial standing committee, WARNING 7, none 7: exactly half is not more than half: nothing passes")
        void exactlyHalf() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(BTV_TU, DECIDED_ON, 14, ballot(7, WARNING, 7)))
                    .expectEvents(notImposed(BTV_TU, 14, Map.of("WARNING", 7, "NONE", 7)));
        }
    }

    @Nested
    @DisplayName("expulsion needs two thirds")
    class Expulsion {

        @Test
        @DisplayName("9 eligible, EXPULSION 6, none 3: six is two thirds of nine: EXPULSION")
        void sixOfNine() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(3, EXPULSION, 6)))
                    .expectEvents(decided(Map.of("EXPULSION", 6, "NONE", 3), EXPULSION))
                    .expectResultMessagePayload(new DecisionResult(CASE.value(), "DECIDED", 4, "IMPOSED", EXPULSION, null));
        }

        @Test
        @DisplayName("9 eligible, EXPULSION 5, WARNING 1, none 3: five is short of six, though more than half; "
                + "EXPULSION+WARNING 6 passes WARNING")
        void fiveOfNineFallsThrough() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(3, EXPULSION, 5, WARNING, 1)))
                    .expectEvents(decided(Map.of("EXPULSION", 5, "WARNING", 1, "NONE", 3), WARNING));
        }

        @Test
        @DisplayName("the cell's 15 eligible, EXPULSION 9, REPRIMAND 1, none 5: nine is short of ten; "
                + "EXPULSION+REPRIMAND 10 is more than 7.5: the cell reprimands")
        void cellFallsThroughToReprimand() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(CB1, DECIDED_ON, 15, ballot(5, EXPULSION, 9, REPRIMAND, 1)))
                    .expectEvents(new DisciplineDecided(CASE, DECIDED_ON, CB1, "QĐ 45-QĐ/KL", 15,
                            Map.of("EXPULSION", 9, "REPRIMAND", 1, "NONE", 5), REPRIMAND, DECIDED_ON, DECIDED_ON,
                            "2026.1", List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, WINDOW, "R-APPEAL", "2026.1"))));
        }
    }

    @Nested
    @DisplayName("no form passes")
    class NothingPasses {

        @Test
        @DisplayName("9 eligible, WARNING 2, REPRIMAND 2, none 5: 2, then 4, never more than 4.5: discipline not imposed, NO_FORM_PASSED")
        void noFormPassed() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(5, WARNING, 2, REPRIMAND, 2)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(notImposed(UBKT_TU, 9, Map.of("WARNING", 2, "REPRIMAND", 2, "NONE", 5)))
                    .expectResultMessagePayload(new DecisionResult(CASE.value(), "DECIDED", 4, "NOT_IMPOSED", null,
                            "NO_FORM_PASSED"));
        }
    }

    @Nested
    @DisplayName("a ballot must be coherent")
    class Coherence {

        @Test
        @DisplayName("ten votes from nine eligible voters are refused")
        void moreVotesThanVoters() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 9, ballot(4, WARNING, 6)))
                    .expectException(violating("R-BALLOT", "case.ballot.tooManyVotes"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("ten eligible voters in a commission of nine are refused")
        void moreVotersThanMembers() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 10, ballot(4, WARNING, 6)))
                    .expectException(violating("R-BALLOT", "case.ballot.moreThanMembers"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a ballot without eligible voters is refused")
        void noVoters() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(UBKT_TU, DECIDED_ON, 0, ballot(0)))
                    .expectException(violating("R-BALLOT", "case.ballot.noVoters"))
                    .expectNoEvents();
        }
    }

    private static DisciplineDecided decided(Map<String, Integer> ballot, DisciplineForm form) {
        return new DisciplineDecided(CASE, DECIDED_ON, UBKT_TU, "QĐ 45-QĐ/KL", 9, ballot, form, DECIDED_ON, DECIDED_ON,
                "2026.1", List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, WINDOW, "R-APPEAL", "2026.1")));
    }

    private static DisciplineNotImposed notImposed(CommitteeId body, int eligible, Map<String, Integer> ballot) {
        return new DisciplineNotImposed(CASE, DECIDED_ON, body, "QĐ 45-QĐ/KL", eligible, ballot, null,
                NotImposedReason.NO_FORM_PASSED, "2026.1");
    }
}
