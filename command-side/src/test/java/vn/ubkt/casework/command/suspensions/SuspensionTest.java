package vn.ubkt.casework.command.suspensions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.command.cases.TestTree;
import vn.ubkt.casework.command.platform.ConflictException;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.command.rules.TestRulebook;
import vn.ubkt.casework.command.suspensions.SuspensionCommands.ExtendSuspension;
import vn.ubkt.casework.command.suspensions.SuspensionCommands.LiftSuspension;
import vn.ubkt.casework.command.suspensions.SuspensionCommands.SuspendMember;
import vn.ubkt.casework.command.suspensions.SuspensionCommands.SuspensionResult;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.suspensions.MemberSuspended;
import vn.ubkt.casework.events.suspensions.SuspensionExtended;
import vn.ubkt.casework.events.suspensions.SuspensionId;
import vn.ubkt.casework.events.suspensions.SuspensionKind;
import vn.ubkt.casework.events.suspensions.SuspensionLifted;

/**
 * Suspension of party activity (DOMAIN.md "The rules in 2026"; API.md "Suspension of party activity"): 90 days,
 * extendable once by at most 30 (QĐ 21-QĐ/TW, as reported), decided by a competent body, committee activity only
 * for a committee member; each rule allowed once and refused once, naming the rule and the rulebook version.
 */
class SuspensionTest {

    /** 09:00 on Friday 20 November 2026 in Vietnam. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final SuspensionId ID = SuspensionId.of("DC-2026-004");
    private static final CommitteeId UBKT_TU = CommitteeId.of("UBKT-TU");
    private static final CommitteeId BTV_DUK = CommitteeId.of("BTV-DUK");
    private static final CommitteeId CB1 = CommitteeId.of("CB1");
    private static final CaseId CASE = CaseId.of("KT-2026-017");
    /** Monday 7 September 2026: judged by rulebook 2026.2. */
    private static final LocalDate SUSPENDED_ON = LocalDate.of(2026, 9, 7);
    /** The 90th day from SUSPENDED_ON. */
    private static final LocalDate ENDS_ON = LocalDate.of(2026, 12, 5);
    private static final String GROUNDS = "Bị khởi tố, tạm giam để điều tra";

    private static final Subject.Member MEMBER = new Subject.Member("093012345", "Nguyễn Văn An", Membership.OFFICIAL,
            CB1, List.of(), null, List.of("Phó Chủ tịch Hội Nông dân xã"));
    private static final Subject.Member COMMUNE_COMMITTEE_MEMBER = new Subject.Member("093012348", "Phạm Văn Dũng",
            Membership.OFFICIAL, CB1, List.of(CommitteeId.of("XA")), null, List.of("Phó Bí thư Đảng ủy xã"));

    private AggregateTestFixture<Suspension> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Suspension.class);
        fixture.registerInjectableResource(TestRulebook.load());
        fixture.registerInjectableResource(TestTree.realistic());
        fixture.registerInjectableResource(CLOCK);
    }

    private static SuspendMember suspend(Subject.Member member, SuspensionKind kind, CommitteeId body, LocalDate on, int days) {
        return new SuspendMember(ID, member, kind, on, days, " " + GROUNDS + " ", body, " QĐ 07-QĐ/UBKTTU ", CASE);
    }

    private static MemberSuspended suspended(Subject.Member member, SuspensionKind kind, LocalDate on, int days,
                                             LocalDate endsOn, String version) {
        return new MemberSuspended(ID, member, kind, on, days, endsOn, GROUNDS, UBKT_TU, "QĐ 07-QĐ/UBKTTU", CASE, version,
                List.of(new Deadline(Deadline.Kind.SUSPENSION_END, endsOn, "R-SUSPENSION", version)));
    }

    private static MemberSuspended suspended() {
        return suspended(MEMBER, SuspensionKind.PARTY_ACTIVITY, SUSPENDED_ON, 90, ENDS_ON, "2026.2");
    }

    @Nested
    @DisplayName("suspending")
    class Suspending {

        @Test
        @DisplayName("the provincial commission suspends a member of a commune cell for 90 days: the last day is the 90th")
        void ninetyDays() {
            fixture.givenNoPriorActivity()
                    .when(suspend(MEMBER, SuspensionKind.PARTY_ACTIVITY, UBKT_TU, SUSPENDED_ON, 90))
                    .expectEvents(suspended());
        }

        @Test
        @DisplayName("91 days is refused by R-SUSPENSION of rulebook 2026.2")
        void ninetyOneDays() {
            fixture.givenNoPriorActivity()
                    .when(suspend(MEMBER, SuspensionKind.PARTY_ACTIVITY, UBKT_TU, SUSPENDED_ON, 91))
                    .expectException(violating("R-SUSPENSION", "suspension.tooLong", "2026.2"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a suspension dated 31 March 2026 is judged by 2025.1 (unverified lengths), one dated 11 April by 2026.1")
        void judgedByTheVersionOfItsDate() {
            fixture.givenNoPriorActivity()
                    .when(suspend(MEMBER, SuspensionKind.PARTY_ACTIVITY, UBKT_TU, LocalDate.of(2026, 3, 31), 91))
                    .expectException(violating("R-SUSPENSION", "suspension.tooLong", "2025.1"));
            fixture.givenNoPriorActivity()
                    .when(suspend(MEMBER, SuspensionKind.PARTY_ACTIVITY, UBKT_TU, LocalDate.of(2026, 4, 11), 91))
                    .expectException(violating("R-SUSPENSION", "suspension.tooLong", "2026.1"));
        }

        @Test
        @DisplayName("a suspension dated after today is refused (R-DATES)")
        void future() {
            fixture.givenNoPriorActivity()
                    .when(suspend(MEMBER, SuspensionKind.PARTY_ACTIVITY, UBKT_TU, LocalDate.of(2026, 11, 21), 90))
                    .expectException(violating("R-DATES", "case.dates.future", "2026.2"));
        }

        @Test
        @DisplayName("committee activity of a member who sits on no committee cannot be suspended")
        void committeeActivityWithoutSeat() {
            fixture.givenNoPriorActivity()
                    .when(suspend(MEMBER, SuspensionKind.COMMITTEE_ACTIVITY, UBKT_TU, SUSPENDED_ON, 90))
                    .expectException(violating("R-SUSPENSION", "suspension.notCommitteeMember", "2026.2"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("committee activity of the commune committee's deputy secretary can")
        void committeeActivityOfACommitteeMember() {
            fixture.givenNoPriorActivity()
                    .when(suspend(COMMUNE_COMMITTEE_MEMBER, SuspensionKind.COMMITTEE_ACTIVITY, UBKT_TU, SUSPENDED_ON, 60))
                    .expectEvents(suspended(COMMUNE_COMMITTEE_MEMBER, SuspensionKind.COMMITTEE_ACTIVITY, SUSPENDED_ON, 60,
                            LocalDate.of(2026, 11, 5), "2026.2"));
        }

        @Test
        @DisplayName("a cell may not suspend its own member (competence data, marked U)")
        void cellNotCompetent() {
            fixture.givenNoPriorActivity()
                    .when(suspend(MEMBER, SuspensionKind.PARTY_ACTIVITY, CB1, SUSPENDED_ON, 90))
                    .expectException(violating("R-SUSPENSION-COMPETENCE", "suspension.competence", "2026.2"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the standing committee of another district-level committee may not suspend a member outside its đảng bộ")
        void outsideTheBodysSubtree() {
            fixture.givenNoPriorActivity()
                    .when(suspend(MEMBER, SuspensionKind.PARTY_ACTIVITY, BTV_DUK, SUSPENDED_ON, 90))
                    .expectException(violating("R-SUSPENSION-COMPETENCE", "suspension.competence", "2026.2"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("extending")
    class Extending {

        @Test
        @DisplayName("a 90-day suspension extended by 30 days ends 30 days later")
        void thirtyDays() {
            fixture.given(suspended())
                    .when(new ExtendSuspension(ID, LocalDate.of(2026, 11, 20), 30, "QĐ 09-QĐ/UBKTTU"))
                    .expectEvents(new SuspensionExtended(ID, LocalDate.of(2026, 11, 20), 30, ENDS_ON.plusDays(30),
                            "QĐ 09-QĐ/UBKTTU", "2026.2",
                            List.of(new Deadline(Deadline.Kind.SUSPENSION_END, ENDS_ON.plusDays(30), "R-SUSPENSION", "2026.2"))))
                    .expectResultMessagePayload(new SuspensionResult(ID.value(), ENDS_ON.plusDays(30), "ACTIVE", 1));
        }

        @Test
        @DisplayName("an extension of 31 days is refused")
        void thirtyOneDays() {
            fixture.given(suspended())
                    .when(new ExtendSuspension(ID, LocalDate.of(2026, 11, 20), 31, "QĐ 09-QĐ/UBKTTU"))
                    .expectException(violating("R-SUSPENSION", "suspension.extensionTooLong", "2026.2"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a second extension is refused, however short")
        void secondExtension() {
            fixture.given(suspended(), new SuspensionExtended(ID, LocalDate.of(2026, 11, 2), 10, ENDS_ON.plusDays(10),
                            "QĐ 09-QĐ/UBKTTU", "2026.2", List.of()))
                    .when(new ExtendSuspension(ID, LocalDate.of(2026, 11, 20), 5, "QĐ 10-QĐ/UBKTTU"))
                    .expectException(violating("R-SUSPENSION", "suspension.extendedAlready", "2026.2"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a suspension that has ended by itself cannot be extended")
        void afterItsEnd() {
            fixture.given(suspended(MEMBER, SuspensionKind.PARTY_ACTIVITY, LocalDate.of(2026, 5, 4), 90,
                            LocalDate.of(2026, 8, 1), "2026.1"))
                    .when(new ExtendSuspension(ID, LocalDate.of(2026, 8, 3), 30, "QĐ 09-QĐ/UBKTTU"))
                    .expectException(violating("R-SUSPENSION", "suspension.extendedAfterEnd", "2026.1"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("lifting and ending")
    class Lifting {

        @Test
        @DisplayName("lifted early, it is LIFTED; lifting again is a conflict, and so is extending it")
        void liftOnce() {
            fixture.given(suspended())
                    .when(new LiftSuspension(ID, LocalDate.of(2026, 10, 15), " Đình chỉ điều tra "))
                    .expectEvents(new SuspensionLifted(ID, LocalDate.of(2026, 10, 15), "Đình chỉ điều tra"))
                    .expectResultMessagePayload(new SuspensionResult(ID.value(), ENDS_ON, "LIFTED", 1));
            SuspensionLifted lifted = new SuspensionLifted(ID, LocalDate.of(2026, 10, 15), "Đình chỉ điều tra");
            fixture.given(suspended(), lifted)
                    .when(new LiftSuspension(ID, LocalDate.of(2026, 10, 16), "Lần hai"))
                    .expectException(conflict("suspension.lifted"));
            fixture.given(suspended(), lifted)
                    .when(new ExtendSuspension(ID, LocalDate.of(2026, 10, 16), 10, "QĐ 09"))
                    .expectException(conflict("suspension.lifted"));
        }

        @Test
        @DisplayName("a suspension past its last day has ENDED: lifting it afterwards is refused")
        void endedByItself() {
            MemberSuspended may = suspended(MEMBER, SuspensionKind.PARTY_ACTIVITY, LocalDate.of(2026, 5, 4), 90,
                    LocalDate.of(2026, 8, 1), "2026.1");
            fixture.given(may)
                    .when(new LiftSuspension(ID, LocalDate.of(2026, 8, 2), "Hết hạn"))
                    .expectException(violating("R-SUSPENSION", "suspension.liftedAfterEnd", "2026.1"));
            fixture.given(may)
                    .when(new LiftSuspension(ID, LocalDate.of(2026, 8, 1), "Kết thúc điều tra"))
                    .expectResultMessagePayload(new SuspensionResult(ID.value(), LocalDate.of(2026, 8, 1), "LIFTED", 1));
        }

        @Test
        @DisplayName("a lifting dated before the suspension is refused (R-DATES)")
        void liftedBeforeSuspended() {
            fixture.given(suspended())
                    .when(new LiftSuspension(ID, SUSPENDED_ON.minusDays(1), "Nhầm"))
                    .expectException(violating("R-DATES", "case.dates.order", "2026.2"));
        }
    }

    private static Matcher<RuleViolationException> violating(String rule, String key, String version) {
        return failure(RuleViolationException.class, e -> e.rule() + " " + e.messageKey() + " " + e.rulebookVersion(),
                rule + " " + key + " " + version);
    }

    private static Matcher<ConflictException> conflict(String key) {
        return failure(ConflictException.class, ConflictException::messageKey, key);
    }

    private static <E extends Throwable> Matcher<E> failure(Class<E> type, Function<E, String> feature, String expected) {
        return new TypeSafeDiagnosingMatcher<>(type) {
            @Override
            protected boolean matchesSafely(E item, Description mismatch) {
                String actual = feature.apply(item);
                if (!expected.equals(actual)) {
                    mismatch.appendText("was ").appendValue(actual).appendText(" in ").appendValue(item);
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " with ").appendValue(expected);
            }
        };
    }
}
