package vn.ubkt.casework.command.cases;

import static vn.ubkt.casework.events.committees.CommitteeKind.CELL;
import static vn.ubkt.casework.events.committees.CommitteeKind.CENTRAL_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.DEPARTMENTAL_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.GRASSROOTS_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.INSPECTION_COMMISSION;
import static vn.ubkt.casework.events.committees.CommitteeKind.PARTY_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.POLITBURO;
import static vn.ubkt.casework.events.committees.CommitteeKind.STANDING_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeLevel.CENTRAL;
import static vn.ubkt.casework.events.committees.CommitteeLevel.DISTRICT;
import static vn.ubkt.casework.events.committees.CommitteeLevel.GRASSROOTS;
import static vn.ubkt.casework.events.committees.CommitteeLevel.PROVINCIAL;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import vn.ubkt.casework.command.cases.CaseCommands.Ballot;
import vn.ubkt.casework.command.cases.CaseCommands.DecideDiscipline;
import vn.ubkt.casework.command.platform.ConflictException;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.command.rules.Rulebook;
import vn.ubkt.casework.command.rules.TestRulebook;
import vn.ubkt.casework.events.cases.AppealFiled;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.DisciplineProposed;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.cases.SubjectHeard;
import vn.ubkt.casework.events.cases.TeamMember;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/**
 * What the case tests share: the shipped rulebook, a realistic tree, a fixed clock, one case's history as
 * events, and the matchers for refusals. The {@link InspectionCase} runs on Axon's {@link AggregateTestFixture}
 * with the three resources its handlers take — {@code Rulebook}, {@code TreeView}, {@code Clock} — injected.
 *
 * <p>The tree: the Central Committee TW with its Politburo BCT and its commission UBKT-TW; the province TU with
 * BTV-TU and UBKT-TU; the district HU with BTV-HU and UBKT-HU, all three dissolved on 2025-07-01; the commune XA
 * (grassroots) under HU until 2025-07-01 and under TU from that day, with BTV-XA, UBKT-XA, the cell CB1 and the
 * departmental committee DUBP over the cell CB2; and the Đảng ủy Khối DUK, a district-level committee under TU that
 * is <em>not</em> dissolved (so that a change of rulebook can be seen alone), with BTV-DUK and the grassroots
 * committee DNCS over the cell CB3.
 */
abstract class CaseTestBase {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** 09:00 on Friday 20 November 2026 in Vietnam. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), VIETNAM);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    /** The district level ended; rulebook 2025.1 is in force from this day (until 2026.1 from 11 April 2026). */
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    static final Rulebook RULEBOOK = TestRulebook.load();

    static final CommitteeId TW = CommitteeId.of("TW");
    static final CommitteeId BCT = CommitteeId.of("BCT");
    static final CommitteeId UBKT_TW = CommitteeId.of("UBKT-TW");
    static final CommitteeId TU = CommitteeId.of("TU");
    static final CommitteeId BTV_TU = CommitteeId.of("BTV-TU");
    static final CommitteeId UBKT_TU = CommitteeId.of("UBKT-TU");
    static final CommitteeId HU = CommitteeId.of("HU");
    static final CommitteeId BTV_HU = CommitteeId.of("BTV-HU");
    static final CommitteeId UBKT_HU = CommitteeId.of("UBKT-HU");
    static final CommitteeId XA = CommitteeId.of("XA");
    static final CommitteeId BTV_XA = CommitteeId.of("BTV-XA");
    static final CommitteeId UBKT_XA = CommitteeId.of("UBKT-XA");
    static final CommitteeId CB1 = CommitteeId.of("CB1");
    static final CommitteeId DUBP = CommitteeId.of("DUBP");
    static final CommitteeId CB2 = CommitteeId.of("CB2");
    static final CommitteeId DUK = CommitteeId.of("DUK");
    static final CommitteeId BTV_DUK = CommitteeId.of("BTV-DUK");
    static final CommitteeId DNCS = CommitteeId.of("DNCS");
    static final CommitteeId CB3 = CommitteeId.of("CB3");

    /** An official member of CB1 on no committee, holding a post outside the party. */
    static final Subject.Member MEMBER = new Subject.Member("093012345", "Nguyễn Văn An", Membership.OFFICIAL, CB1,
            List.of(), null, List.of("Phó Chủ tịch Hội Nông dân xã"));
    /** An official member of CB1 on no committee and without any post. */
    static final Subject.Member MEMBER_WITHOUT_POST = new Subject.Member("093012346", "Trần Thị Bình",
            Membership.OFFICIAL, CB1, List.of(), null, List.of());
    /** A probationary member of CB1. */
    static final Subject.Member PROBATIONARY_MEMBER = new Subject.Member("093012347", "Lê Văn Cường",
            Membership.PROBATIONARY, CB1, List.of(), null, List.of());
    /** A member of CB1 elected to the commune committee XA, its deputy secretary. */
    static final Subject.Member COMMUNE_COMMITTEE_MEMBER = new Subject.Member("093012348", "Phạm Văn Dũng",
            Membership.OFFICIAL, CB1, List.of(XA), null, List.of("Phó Bí thư Đảng ủy xã"));

    static final CaseId CASE = CaseId.of("KT-2026-017");
    static final TeamMember LEAD = new TeamMember("UBKT-TU-01", "Võ Thị Hoa");
    static final TeamMember INSPECTOR = new TeamMember("UBKT-TU-02", "Đặng Văn Khoa");
    static final List<TeamMember> TEAM = List.of(LEAD, INSPECTOR);

    // one case's steps, every one a Monday of 2026 unless said otherwise
    static final LocalDate PLANNED_ON = LocalDate.of(2026, 2, 2);
    static final LocalDate OPENED_ON = LocalDate.of(2026, 2, 16);
    static final LocalDate CONCLUDED_ON = LocalDate.of(2026, 4, 6);
    static final LocalDate HEARD_ON = LocalDate.of(2026, 4, 20);
    static final LocalDate PROPOSED_ON = LocalDate.of(2026, 5, 4);
    static final LocalDate DECIDED_ON = LocalDate.of(2026, 5, 18);
    /** Wednesday. */
    static final LocalDate ANNOUNCED_ON = LocalDate.of(2026, 5, 20);
    static final LocalDate RECEIVED_ON = LocalDate.of(2026, 5, 25);
    static final LocalDate APPEALED_ON = LocalDate.of(2026, 6, 15);
    static final LocalDate VIOLATION_FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate VIOLATION_TO = LocalDate.of(2025, 6, 30);

    AggregateTestFixture<InspectionCase> fixture;
    TestTree tree;

    @BeforeEach
    void setUpFixture() {
        tree = realisticTree();
        fixture = new AggregateTestFixture<>(InspectionCase.class);
        fixture.registerInjectableResource(RULEBOOK);
        fixture.registerInjectableResource(tree);
        fixture.registerInjectableResource(CLOCK);
    }

    static TestTree realisticTree() {
        return TestTree.realistic();
    }

    // ---- the case's history as events ----

    static CasePlanned planned(CaseType type, Subject subject) {
        return new CasePlanned(CASE, type, UBKT_TU, subject, "Dấu hiệu vi phạm trong quản lý quỹ hội", "KH 05-KH/UBKT",
                PLANNED_ON, PLANNED_ON, LocalDate.of(2026, 4, 30), CaseOrigin.NONE, List.of());
    }

    static CasePlanned planned(Subject subject) {
        return planned(CaseType.INSPECTION_SIGNS_OF_VIOLATION, subject);
    }

    static CaseOpened opened() {
        return new CaseOpened(CASE, OPENED_ON, "QĐ 12-QĐ/UBKT", TEAM, LEAD.memberId());
    }

    static CaseConcluded concluded(boolean disciplineWarranted) {
        return disciplineWarranted
                ? concluded(CONCLUDED_ON, List.of(ViolationCategory.FINANCE_AND_ASSETS), VIOLATION_FROM, VIOLATION_TO)
                : new CaseConcluded(CASE, CONCLUDED_ON, "KL 03-KL/UBKT", Outcome.SHORTCOMING, List.of(), null, null,
                        false, "Có khuyết điểm, chưa đến mức kỷ luật", null);
    }

    /** A conclusion finding a violation that warrants discipline. */
    static CaseConcluded concluded(LocalDate concludedOn, List<ViolationCategory> categories, LocalDate violationFrom,
                                   LocalDate violationTo) {
        return new CaseConcluded(CASE, concludedOn, "KL 03-KL/UBKT", Outcome.VIOLATION, categories, violationFrom,
                violationTo, true, "Vi phạm trong quản lý quỹ hội", null);
    }

    static SubjectHeard heard() {
        return new SubjectHeard(CASE, HEARD_ON, "Nhận khuyết điểm, xin xem xét", null);
    }

    static DisciplineProposed proposed(DisciplineForm form) {
        return new DisciplineProposed(CASE, PROPOSED_ON, form, CB1, UBKT_TU, "Vi phạm quy định về tài chính",
                Map.of(), "2026.1");
    }

    static DisciplineDecided decided(DisciplineForm form, CommitteeId body) {
        return new DisciplineDecided(CASE, DECIDED_ON, body, "QĐ 45-QĐ/KL", 9, Map.of(form.name(), 6, "NONE", 3),
                form, ANNOUNCED_ON, ANNOUNCED_ON, "2026.1",
                List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, ANNOUNCED_ON.plusMonths(1), "R-APPEAL", "2026.1")));
    }

    static AppealFiled appealFiled() {
        return new AppealFiled(CASE, APPEALED_ON, RECEIVED_ON, "Hình thức quá nặng",
                List.of(new Deadline(Deadline.Kind.APPEAL_RESOLUTION, LocalDate.of(2027, 2, 22), "R-DEADLINES", "2026.1")));
    }

    /** Planned and opened: status OPEN. */
    static List<Object> openCase(Subject subject) {
        return List.of(planned(subject), opened());
    }

    /** Concluded with a violation that warrants discipline, and the subject heard: status CONCLUDED. */
    static List<Object> heardCase(Subject subject) {
        return List.of(planned(subject), opened(), concluded(true), heard());
    }

    /** Discipline decided by {@code body}: status DECIDED. */
    static List<Object> decidedCase(Subject subject, DisciplineForm form, CommitteeId body) {
        return List.of(planned(subject), opened(), concluded(true), heard(), proposed(form), decided(form, body));
    }

    static List<Object> plus(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    // ---- commands ----

    /** Votes by form, in pairs: {@code ballot(3, WARNING, 6)} is six votes for WARNING and three for none. */
    static Ballot ballot(int none, Object... formsAndVotes) {
        Map<DisciplineForm, Integer> votes = new EnumMap<>(DisciplineForm.class);
        for (int i = 0; i < formsAndVotes.length; i += 2) {
            votes.put((DisciplineForm) formsAndVotes[i], (Integer) formsAndVotes[i + 1]);
        }
        return new Ballot(votes, none);
    }

    static DecideDiscipline decide(CommitteeId body, LocalDate on, int eligibleVoters, Ballot ballot) {
        return new DecideDiscipline(CASE, on, body, "QĐ 45-QĐ/KL", eligibleVoters, ballot, on, on);
    }

    /** The ballot as the events record it: form names and NONE. */
    static Map<String, Integer> recorded(int none, Object... formsAndVotes) {
        return ballot(none, formsAndVotes).asRecorded();
    }

    // ---- matchers for the fixture's expectException ----

    static Matcher<RuleViolationException> violating(String rule) {
        return failure(RuleViolationException.class, "rule", RuleViolationException::rule, rule);
    }

    /** The rule and its message key, e.g. {@code violating("R-HEARD", "case.heard.notHeard")}. */
    static Matcher<RuleViolationException> violating(String rule, String messageKey) {
        return failure(RuleViolationException.class, "rule and message key",
                e -> e.rule() + " " + e.messageKey(), rule + " " + messageKey);
    }

    /** The rule, its message key and the rulebook version that judged. */
    static Matcher<RuleViolationException> violating(String rule, String messageKey, String rulebookVersion) {
        return failure(RuleViolationException.class, "rule, message key and rulebook version",
                e -> e.rule() + " " + e.messageKey() + " " + e.rulebookVersion(),
                rule + " " + messageKey + " " + rulebookVersion);
    }

    /** The source a refusal names. */
    static Matcher<RuleViolationException> citing(String ruleSource) {
        return failure(RuleViolationException.class, "rule source", RuleViolationException::ruleSource, ruleSource);
    }

    static Matcher<ConflictException> conflict(String messageKey) {
        return failure(ConflictException.class, "message key", ConflictException::messageKey, messageKey);
    }

    /** Refused by the status guard: key {@code case.status}, naming the status the case is in. */
    static Matcher<ConflictException> refusedInStatus(String status) {
        return failure(ConflictException.class, "message key and status",
                e -> e.messageKey() + " " + e.currentStatus(), "case.status " + status);
    }

    static <E extends Throwable> Matcher<E> failure(Class<E> type, String what, Function<E, String> feature,
                                                     String expected) {
        return new TypeSafeDiagnosingMatcher<>(type) {
            @Override
            protected boolean matchesSafely(E item, Description mismatch) {
                String actual = feature.apply(item);
                if (!expected.equals(actual)) {
                    mismatch.appendText(what + " was ").appendValue(actual).appendText(" in ").appendValue(item);
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " whose " + what + " is ").appendValue(expected);
            }
        };
    }
}
