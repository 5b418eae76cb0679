package vn.ubkt.casework.command.committees;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ubkt.casework.events.committees.CommitteeKind.CELL;
import static vn.ubkt.casework.events.committees.CommitteeKind.GRASSROOTS_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.INSPECTION_COMMISSION;
import static vn.ubkt.casework.events.committees.CommitteeKind.PARTY_COMMITTEE;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.MatcherAssert;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ubkt.casework.command.platform.ConflictException;
import vn.ubkt.casework.command.platform.NotFoundException;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.events.committees.CommitteeCountsChanged;
import vn.ubkt.casework.events.committees.CommitteeDissolved;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;
import vn.ubkt.casework.events.committees.CommitteeMoved;
import vn.ubkt.casework.events.committees.CommitteeRegistered;
import vn.ubkt.casework.events.committees.CommitteeRenamed;

/**
 * The committee aggregate through its real command handler. Rules that concern one node run on Axon's
 * {@link AggregateTestFixture}. Rules that read other nodes (parent, successor, ancestors) run on a
 * {@link Tree}: the fixture's event store holds exactly one aggregate — loading or publishing a second
 * identifier fails with "does not resemble the aggregate identifier used in the 'given' step" — so the
 * tree wires the same handler to an {@link EventSourcingRepository} over an in-memory event store.
 */
class CommitteeTest {

    /** 10:00 on 15 January 2026 in Vietnam. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private static final CommitteeId PROVINCE = CommitteeId.of("TINH-UY");
    private static final CommitteeId PROVINCE_UBKT = CommitteeId.of("UBKT-TINH");
    private static final CommitteeId DISTRICT_COMMITTEE = CommitteeId.of("HUYEN-UY");
    private static final CommitteeId DISTRICT_UBKT = CommitteeId.of("UBKT-HUYEN");
    private static final CommitteeId COMMUNE = CommitteeId.of("DANG-UY-XA");
    private static final CommitteeId CELL_NODE = CommitteeId.of("CHI-BO");
    private static final CommitteeId NEWCOMER = CommitteeId.of("MOI");
    private static final CommitteeId UNKNOWN = CommitteeId.of("KHONG-CO");

    private AggregateTestFixture<Committee> fixture;
    private Tree tree;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(CLOCK);
        tree = new Tree();
    }

    @AfterEach
    void tearDown() {
        tree.close();
    }

    /** The handler told which nodes stand under which on a date, as the command side's directory would tell it. */
    private static AggregateTestFixture<Committee> fixtureWithChildren(StandingChildren children) {
        AggregateTestFixture<Committee> fixture = new AggregateTestFixture<>(Committee.class);
        fixture.registerAnnotatedCommandHandler(new CommitteeCommandHandler(fixture.getRepository(), CLOCK, children));
        return fixture;
    }

    private static AggregateTestFixture<Committee> fixtureWith(Clock clock) {
        AggregateTestFixture<Committee> fixture = new AggregateTestFixture<>(Committee.class);
        fixture.registerAnnotatedCommandHandler(new CommitteeCommandHandler(fixture.getRepository(), clock));
        return fixture;
    }

    @Nested
    @DisplayName("registering")
    class Registering {

        @Test
        @DisplayName("a provincial party committee may be registered as a root, and the answer is its version 0")
        void rootPartyCommittee() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCommittee(PROVINCE, "Tỉnh ủy Vĩnh Long", PARTY_COMMITTEE, PROVINCIAL, null, REFORM,
                            65, 123_000, 1_100))
                    .expectEvents(new CommitteeRegistered(PROVINCE, "Tỉnh ủy Vĩnh Long", PARTY_COMMITTEE, PROVINCIAL, null,
                            REFORM, 65, 123_000, 1_100))
                    .expectResultMessagePayload(0L);
        }

        @Test
        @DisplayName("the name is recorded without surrounding blanks")
        void nameIsStripped() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCommittee(PROVINCE, "  Tỉnh ủy Vĩnh Long \n", PARTY_COMMITTEE, PROVINCIAL, null, null,
                            null, null, null))
                    .expectEvents(new CommitteeRegistered(PROVINCE, "Tỉnh ủy Vĩnh Long", PARTY_COMMITTEE, PROVINCIAL, null,
                            null, null, null, null));
        }

        @Test
        @DisplayName("an id that is already registered cannot be registered again")
        void duplicateId() {
            fixture.given(registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, null))
                    .when(new RegisterCommittee(PROVINCE, "Another name", PARTY_COMMITTEE, DISTRICT, null, null, null, null, null))
                    .expectException(conflict("committee.exists"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("placement in the tree (TREE-PLACEMENT)")
    class Placement {

        @Test
        @DisplayName("an inspection commission may hang under the party committee that elected it, at its level")
        void inspectionCommissionAtItsCommitteesLevel() {
            tree.given(PROVINCE, registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, null))
                    .when(register(PROVINCE_UBKT, INSPECTION_COMMISSION, PROVINCIAL, PROVINCE, null))
                    .expectEvents(registered(PROVINCE_UBKT, INSPECTION_COMMISSION, PROVINCIAL, PROVINCE, null))
                    .expectResult(0L);
        }

        @Test
        @DisplayName("an inspection commission at another level than its party committee is refused")
        void inspectionCommissionAtAnotherLevel() {
            tree.given(PROVINCE, registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, null))
                    .when(register(PROVINCE_UBKT, INSPECTION_COMMISSION, DISTRICT, PROVINCE, null))
                    .expectException(violating("TREE-PLACEMENT", "tree.placement.parent.sameLevel"));
        }

        @Test
        @DisplayName("a grassroots-level cell (chi bộ cơ sở) may hang directly under a party committee")
        void grassrootsCellUnderPartyCommittee() {
            givenProvinceAndDistrict();
            tree.when(register(CELL_NODE, CELL, GRASSROOTS, DISTRICT_COMMITTEE, null))
                    .expectEvents(registered(CELL_NODE, CELL, GRASSROOTS, DISTRICT_COMMITTEE, null));
        }

        @Test
        @DisplayName("a cell may hang in a grassroots party committee")
        void cellInGrassrootsCommittee() {
            tree.given(PROVINCE, registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, null))
                    .given(COMMUNE, registered(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, PROVINCE, null))
                    .when(register(CELL_NODE, CELL, CommitteeLevel.CELL, COMMUNE, null))
                    .expectEvents(registered(CELL_NODE, CELL, CommitteeLevel.CELL, COMMUNE, null));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(CommitteeKind.class)
        @DisplayName("nothing may hang under a cell, even at a level its kind may have")
        void nothingUnderACell(CommitteeKind kind) {
            givenProvinceAndDistrict();
            tree.given(CELL_NODE, registered(CELL_NODE, CELL, GRASSROOTS, DISTRICT_COMMITTEE, null))
                    .when(register(NEWCOMER, kind, A_LEVEL_OF.get(kind), CELL_NODE, null))
                    .expectException(violating("TREE-PLACEMENT"));
        }

        @Test
        @DisplayName("a standing committee cannot be a root")
        void standingCommitteeAsRoot() {
            fixture.givenNoPriorActivity()
                    .when(register(NEWCOMER, STANDING_COMMITTEE, PROVINCIAL, null, null))
                    .expectException(violating("TREE-PLACEMENT", "tree.placement.root"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a standing committee may hang under its party committee")
        void standingCommitteeUnderItsCommittee() {
            tree.given(PROVINCE, registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, null))
                    .when(register(NEWCOMER, STANDING_COMMITTEE, PROVINCIAL, PROVINCE, null))
                    .expectEvents(registered(NEWCOMER, STANDING_COMMITTEE, PROVINCIAL, PROVINCE, null));
        }

        @Test
        @DisplayName("since the 2025 reform a commune's grassroots committee may hang directly under the province")
        void communeDirectlyUnderProvince() {
            tree.given(PROVINCE, registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, null))
                    .when(register(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, PROVINCE, null))
                    .expectEvents(registered(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, PROVINCE, null));
        }

        @Test
        @DisplayName("a kind cannot be registered at a level it does not have: no provincial grassroots committee")
        void kindAtALevelItCannotHave() {
            fixture.givenNoPriorActivity()
                    .when(register(NEWCOMER, GRASSROOTS_COMMITTEE, PROVINCIAL, null, null))
                    .expectException(violating("TREE-PLACEMENT", "tree.placement.level"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a grassroots committee may be registered as a root at its own level")
        void kindAtItsLevel() {
            fixture.givenNoPriorActivity()
                    .when(register(NEWCOMER, GRASSROOTS_COMMITTEE, GRASSROOTS, null, null))
                    .expectEvents(registered(NEWCOMER, GRASSROOTS_COMMITTEE, GRASSROOTS, null, null));
        }
    }

    @Nested
    @DisplayName("the parent on the date of establishment (TREE-PARENT)")
    class Parent {

        private static final CommitteeId NEW_PROVINCE = CommitteeId.of("TINH-UY-MOI");

        @BeforeEach
        void newProvinceSinceTheReform() {
            tree.given(NEW_PROVINCE, registered(NEW_PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, REFORM));
        }

        @Test
        @DisplayName("a parent that is not registered is refused")
        void unknownParent() {
            tree.when(register(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, UNKNOWN, null))
                    .expectException(violating("TREE-PARENT", "tree.parent.unknown"));
        }

        @Test
        @DisplayName("a child may be established on the day its parent was")
        void establishedTheSameDayAsItsParent() {
            tree.when(register(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, NEW_PROVINCE, REFORM))
                    .expectEvents(registered(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, NEW_PROVINCE, REFORM));
        }

        @Test
        @DisplayName("a parent established after the child is refused")
        void parentEstablishedLater() {
            tree.when(register(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, NEW_PROVINCE, REFORM.minusDays(1)))
                    .expectException(violating("TREE-PARENT", "tree.parent.notStanding"));
        }

        @Test
        @DisplayName("a child without an establishment date cannot hang under a parent that has one")
        void undatedChildUnderDatedParent() {
            tree.when(register(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, NEW_PROVINCE, null))
                    .expectException(violating("TREE-PARENT", "tree.parent.needsDate"));
        }

        @Test
        @DisplayName("a child without an establishment date may hang under a parent without one")
        void undatedChildUnderUndatedParent() {
            tree.given(PROVINCE, registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, null))
                    .when(register(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, PROVINCE, null))
                    .expectEvents(registered(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, PROVINCE, null));
        }

        @Test
        @DisplayName("a parent dissolved on or before the child's establishment is refused")
        void parentDissolvedBefore() {
            givenProvinceDissolvedAtTheReform();
            tree.when(register(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, PROVINCE, REFORM))
                    .expectException(violating("TREE-PARENT", "tree.parent.notStanding"));
        }

        @Test
        @DisplayName("a child established before its parent was dissolved may be entered afterwards")
        void parentDissolvedAfter() {
            givenProvinceDissolvedAtTheReform();
            tree.when(register(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, PROVINCE, REFORM.minusDays(1)))
                    .expectEvents(registered(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, PROVINCE, REFORM.minusDays(1)));
        }

        private void givenProvinceDissolvedAtTheReform() {
            tree.given(PROVINCE, registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, null),
                    new CommitteeDissolved(PROVINCE, REFORM, NEW_PROVINCE, "provinces merged"));
        }
    }

    @Nested
    @DisplayName("business dates are never in the future (R-DATES)")
    class Dates {

        @Test
        @DisplayName("a committee cannot be established after today")
        void establishedTomorrow() {
            fixture.givenNoPriorActivity()
                    .when(register(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, TODAY.plusDays(1)))
                    .expectException(violating("R-DATES", "dates.future"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a committee may be established today")
        void establishedToday() {
            fixture.givenNoPriorActivity()
                    .when(register(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, TODAY))
                    .expectEvents(registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, TODAY));
        }

        @Test
        @DisplayName("today is the date in Vietnam, not in UTC")
        void todayInVietnam() {
            Clock halfPastMidnightInHanoi = Clock.fixed(Instant.parse("2026-01-14T17:30:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
            fixtureWith(halfPastMidnightInHanoi).givenNoPriorActivity()
                    .when(register(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, TODAY))
                    .expectEvents(registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, TODAY));
        }
    }

    @Nested
    @DisplayName("moving")
    class Moving {

        private static final LocalDate COMMUNE_FOUNDED = LocalDate.of(2010, 1, 1);

        @BeforeEach
        void communeUnderTheDistrict() {
            givenProvinceAndDistrict();
            tree.given(COMMUNE, registered(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, DISTRICT_COMMITTEE, COMMUNE_FOUNDED));
        }

        @Test
        @DisplayName("a commune may be moved from the district directly under the province")
        void moveUnderProvince() {
            tree.when(new MoveCommittee(COMMUNE, REFORM, PROVINCE))
                    .expectEvents(new CommitteeMoved(COMMUNE, REFORM, DISTRICT_COMMITTEE, PROVINCE))
                    .expectResult(1L);
        }

        @Test
        @DisplayName("a move dated on the day the commune was established is refused; the day after it is accepted (R-DATES)")
        void onTheDayOfEstablishment() {
            tree.when(new MoveCommittee(COMMUNE, COMMUNE_FOUNDED, PROVINCE))
                    .expectException(violating("R-DATES", "tree.dates.onEstablishment"));
            tree.when(new MoveCommittee(COMMUNE, COMMUNE_FOUNDED.plusDays(1), PROVINCE))
                    .expectEvents(new CommitteeMoved(COMMUNE, COMMUNE_FOUNDED.plusDays(1), DISTRICT_COMMITTEE, PROVINCE));
        }

        @Test
        @DisplayName("a move under the current parent changes nothing and is refused")
        void moveUnderCurrentParent() {
            tree.when(new MoveCommittee(COMMUNE, REFORM, DISTRICT_COMMITTEE))
                    .expectException(conflict("committee.alreadyUnder"));
        }

        @Test
        @DisplayName("a dissolved committee cannot be moved")
        void moveDissolved() {
            tree.given(COMMUNE, new CommitteeDissolved(COMMUNE, REFORM.minusDays(1), null, "merged"))
                    .when(new MoveCommittee(COMMUNE, REFORM, PROVINCE))
                    .expectException(conflict("committee.dissolved"));
        }

        @ParameterizedTest(name = "moved again on {0}")
        @ValueSource(strings = {"2025-07-01", "2025-06-30"})
        @DisplayName("a move dated on or before the last move is refused")
        void moveOnOrBeforeLastMove(String movedOn) {
            tree.given(COMMUNE, new CommitteeMoved(COMMUNE, REFORM, DISTRICT_COMMITTEE, PROVINCE))
                    .when(new MoveCommittee(COMMUNE, LocalDate.parse(movedOn), DISTRICT_COMMITTEE))
                    .expectException(violating("R-DATES", "dates.order"));
        }

        @Test
        @DisplayName("the state is rebuilt from the events: a second move the day after starts from the first one's parent")
        void secondMoveStartsWhereTheFirstEnded() {
            tree.given(COMMUNE, new CommitteeMoved(COMMUNE, REFORM, DISTRICT_COMMITTEE, PROVINCE))
                    .when(new MoveCommittee(COMMUNE, REFORM.plusDays(1), DISTRICT_COMMITTEE))
                    .expectEvents(new CommitteeMoved(COMMUNE, REFORM.plusDays(1), PROVINCE, DISTRICT_COMMITTEE))
                    .expectResult(2L);
        }

        @Test
        @DisplayName("a move dated after today is refused")
        void moveTomorrow() {
            tree.when(new MoveCommittee(COMMUNE, TODAY.plusDays(1), PROVINCE))
                    .expectException(violating("R-DATES", "dates.future"));
        }

        @Test
        @DisplayName("a move dated before the committee was established is refused")
        void moveBeforeEstablishment() {
            tree.when(new MoveCommittee(COMMUNE, COMMUNE_FOUNDED.minusDays(1), PROVINCE))
                    .expectException(violating("R-DATES", "dates.order"));
        }

        @Test
        @DisplayName("a committee cannot be moved under its own descendant")
        void moveUnderDescendant() {
            tree.when(new MoveCommittee(PROVINCE, REFORM, COMMUNE))
                    .expectException(violating("TREE-CYCLE", "tree.cycle"));
        }

        @Test
        @DisplayName("a committee cannot be moved under itself")
        void moveUnderItself() {
            tree.when(new MoveCommittee(COMMUNE, REFORM, COMMUNE))
                    .expectException(violating("TREE-CYCLE", "tree.cycle"));
        }

        @Test
        @DisplayName("a new parent established after the move date is refused")
        void moveUnderParentNotYetEstablished() {
            CommitteeId newProvince = CommitteeId.of("TINH-UY-MOI");
            tree.given(newProvince, registered(newProvince, PARTY_COMMITTEE, PROVINCIAL, null, REFORM.plusDays(1)))
                    .when(new MoveCommittee(COMMUNE, REFORM, newProvince))
                    .expectException(violating("TREE-PARENT", "tree.parent.notStanding"));
        }

        @Test
        @DisplayName("a new parent dissolved on or before the move date is refused")
        void moveUnderDissolvedParent() {
            CommitteeId oldProvince = CommitteeId.of("TINH-UY-CU");
            tree.given(oldProvince, registered(oldProvince, PARTY_COMMITTEE, PROVINCIAL, null, null),
                            new CommitteeDissolved(oldProvince, REFORM, PROVINCE, "provinces merged"))
                    .when(new MoveCommittee(COMMUNE, REFORM, oldProvince))
                    .expectException(violating("TREE-PARENT", "tree.parent.notStanding"));
        }

        @Test
        @DisplayName("a new parent that is not registered is refused")
        void moveUnderUnknownParent() {
            tree.when(new MoveCommittee(COMMUNE, REFORM, UNKNOWN))
                    .expectException(violating("TREE-PARENT", "tree.parent.unknown"));
        }

        @Test
        @DisplayName("a move must respect placement: a commune cannot hang under an inspection commission")
        void moveRespectsPlacement() {
            tree.given(PROVINCE_UBKT, registered(PROVINCE_UBKT, INSPECTION_COMMISSION, PROVINCIAL, PROVINCE, null))
                    .when(new MoveCommittee(COMMUNE, REFORM, PROVINCE_UBKT))
                    .expectException(violating("TREE-PLACEMENT", "tree.placement.parent"));
        }

        @Test
        @DisplayName("moving a committee that is not registered answers not found")
        void moveUnknown() {
            tree.when(new MoveCommittee(UNKNOWN, REFORM, PROVINCE))
                    .expectException(notFound(UNKNOWN));
        }
    }

    @Nested
    @DisplayName("dissolving")
    class Dissolving {

        private static final LocalDate COMMUNE_FOUNDED = LocalDate.of(2010, 1, 1);

        @Test
        @DisplayName("a committee may be dissolved without a successor")
        void withoutSuccessor() {
            fixture.given(communeFounded2010())
                    .when(new DissolveCommittee(COMMUNE, REFORM, null, "communes merged"))
                    .expectEvents(new CommitteeDissolved(COMMUNE, REFORM, null, "communes merged"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        @DisplayName("a committee with a cell still standing under it and no successor cannot be dissolved: move the cell first (TREE-CHILDREN)")
        void standingChildrenWithoutSuccessor() {
            AggregateTestFixture<Committee> withCell = fixtureWithChildren((parent, date) ->
                    parent.equals(COMMUNE) && date.isBefore(REFORM) ? List.of(CELL_NODE) : List.of());
            withCell.given(communeFounded2010())
                    .when(new DissolveCommittee(COMMUNE, REFORM.minusDays(1), null, "communes merged"))
                    .expectException(violating("TREE-CHILDREN", "tree.dissolve.standingChildren"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("once the cell was moved away (from 1 July 2025), the committee may be dissolved that day without a successor")
        void childrenMovedFirst() {
            AggregateTestFixture<Committee> withCell = fixtureWithChildren((parent, date) ->
                    parent.equals(COMMUNE) && date.isBefore(REFORM) ? List.of(CELL_NODE) : List.of());
            withCell.given(communeFounded2010())
                    .when(new DissolveCommittee(COMMUNE, REFORM, null, "communes merged"))
                    .expectEvents(new CommitteeDissolved(COMMUNE, REFORM, null, "communes merged"));
        }

        @Test
        @DisplayName("a committee cannot be dissolved on the day it was established; the day after it can (R-DATES)")
        void onTheDayOfEstablishment() {
            fixture.given(communeFounded2010())
                    .when(new DissolveCommittee(COMMUNE, COMMUNE_FOUNDED, null, "registered by mistake"))
                    .expectException(violating("R-DATES", "tree.dates.onEstablishment"))
                    .expectNoEvents();
            fixture.given(communeFounded2010())
                    .when(new DissolveCommittee(COMMUNE, COMMUNE_FOUNDED.plusDays(1), null, "merged"))
                    .expectEvents(new CommitteeDissolved(COMMUNE, COMMUNE_FOUNDED.plusDays(1), null, "merged"));
        }

        @Test
        @DisplayName("a committee cannot be dissolved twice")
        void twice() {
            fixture.given(communeFounded2010(), new CommitteeDissolved(COMMUNE, REFORM, null, "communes merged"))
                    .when(new DissolveCommittee(COMMUNE, REFORM.plusDays(1), null, "again"))
                    .expectException(conflict("committee.dissolved"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a committee cannot be dissolved before it was established")
        void beforeEstablishment() {
            fixture.given(communeFounded2010())
                    .when(new DissolveCommittee(COMMUNE, COMMUNE_FOUNDED.minusDays(1), null, "communes merged"))
                    .expectException(violating("R-DATES", "dates.order"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a committee cannot be dissolved after today")
        void tomorrow() {
            fixture.given(communeFounded2010())
                    .when(new DissolveCommittee(COMMUNE, TODAY.plusDays(1), null, "communes merged"))
                    .expectException(violating("R-DATES", "dates.future"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a committee cannot be dissolved before its last move")
        void beforeLastMove() {
            fixture.given(communeFounded2010(), new CommitteeMoved(COMMUNE, REFORM, DISTRICT_COMMITTEE, PROVINCE))
                    .when(new DissolveCommittee(COMMUNE, REFORM.minusDays(1), null, "communes merged"))
                    .expectException(violating("R-DATES", "dates.order"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the district's inspection commission may be dissolved into the province's")
        void intoSuccessorOfTheSameKind() {
            givenBothInspectionCommissions();
            tree.when(new DissolveCommittee(DISTRICT_UBKT, REFORM, PROVINCE_UBKT, "district level ended"))
                    .expectEvents(new CommitteeDissolved(DISTRICT_UBKT, REFORM, PROVINCE_UBKT, "district level ended"))
                    .expectResult(1L);
        }

        @Test
        @DisplayName("a successor of another kind is refused")
        void successorOfAnotherKind() {
            givenBothInspectionCommissions();
            tree.when(new DissolveCommittee(DISTRICT_UBKT, REFORM, PROVINCE, "district level ended"))
                    .expectException(violating("TREE-SUCCESSOR", "tree.successor.kind"));
        }

        @Test
        @DisplayName("a committee cannot be its own successor")
        void ownSuccessor() {
            givenBothInspectionCommissions();
            tree.when(new DissolveCommittee(DISTRICT_UBKT, REFORM, DISTRICT_UBKT, "district level ended"))
                    .expectException(violating("TREE-SUCCESSOR", "tree.successor.self"));
        }

        @Test
        @DisplayName("a successor that does not stand on the dissolution date (established later) is refused")
        void successorEstablishedLater() {
            givenBothInspectionCommissions();
            CommitteeId laterCommission = CommitteeId.of("UBKT-TINH-MOI");
            tree.given(laterCommission, registered(laterCommission, INSPECTION_COMMISSION, PROVINCIAL, PROVINCE, REFORM.plusDays(1)))
                    .when(new DissolveCommittee(DISTRICT_UBKT, REFORM, laterCommission, "district level ended"))
                    .expectException(violating("TREE-SUCCESSOR", "tree.successor.notStanding"));
        }

        @Test
        @DisplayName("a successor that is not registered is refused")
        void unknownSuccessor() {
            givenBothInspectionCommissions();
            tree.when(new DissolveCommittee(DISTRICT_UBKT, REFORM, UNKNOWN, "district level ended"))
                    .expectException(violating("TREE-SUCCESSOR", "tree.successor.unknown"));
        }

        private CommitteeRegistered communeFounded2010() {
            return registered(COMMUNE, GRASSROOTS_COMMITTEE, GRASSROOTS, DISTRICT_COMMITTEE, COMMUNE_FOUNDED);
        }

        private void givenBothInspectionCommissions() {
            givenProvinceAndDistrict();
            tree.given(PROVINCE_UBKT, registered(PROVINCE_UBKT, INSPECTION_COMMISSION, PROVINCIAL, PROVINCE, null))
                    .given(DISTRICT_UBKT, registered(DISTRICT_UBKT, INSPECTION_COMMISSION, DISTRICT, DISTRICT_COMMITTEE, null));
        }
    }

    @Nested
    @DisplayName("amending")
    class Amending {

        private final CommitteeRegistered commune = new CommitteeRegistered(COMMUNE, "Đảng ủy xã Long Hồ",
                GRASSROOTS_COMMITTEE, GRASSROOTS, PROVINCE, null, 30, 1_500, 40);

        @Test
        @DisplayName("a rename records the previous name and the new one")
        void rename() {
            fixture.given(commune)
                    .when(new AmendCommittee(COMMUNE, "Đảng ủy phường Long Châu", null, null, null))
                    .expectEvents(new CommitteeRenamed(COMMUNE, "Đảng ủy xã Long Hồ", "Đảng ủy phường Long Châu"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        @DisplayName("a change of one count records all three counts, the unchanged ones carried over")
        void counts() {
            fixture.given(commune)
                    .when(new AmendCommittee(COMMUNE, null, null, 1_520, null))
                    .expectEvents(new CommitteeCountsChanged(COMMUNE, 30, 1_520, 40));
        }

        @Test
        @DisplayName("a rename and a change of counts in one command record both")
        void renameAndCounts() {
            fixture.given(commune)
                    .when(new AmendCommittee(COMMUNE, "Đảng ủy phường Long Châu", 31, null, 42))
                    .expectEvents(new CommitteeRenamed(COMMUNE, "Đảng ủy xã Long Hồ", "Đảng ủy phường Long Châu"),
                            new CommitteeCountsChanged(COMMUNE, 31, 1_500, 42))
                    .expectResultMessagePayload(2L);
        }

        @Test
        @DisplayName("an amendment that changes nothing is refused")
        void nothingChanges() {
            fixture.given(commune)
                    .when(new AmendCommittee(COMMUNE, " Đảng ủy xã Long Hồ ", 30, 1_500, null))
                    .expectException(conflict("committee.unchanged"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the state is rebuilt from the events: a later amendment starts from the last name and counts")
        void laterAmendmentStartsFromTheLastState() {
            fixture.given(commune,
                            new CommitteeRenamed(COMMUNE, "Đảng ủy xã Long Hồ", "Đảng ủy phường Long Châu"),
                            new CommitteeCountsChanged(COMMUNE, 31, 1_520, 40))
                    .when(new AmendCommittee(COMMUNE, "Đảng ủy phường Phước Hậu", null, null, 41))
                    .expectEvents(new CommitteeRenamed(COMMUNE, "Đảng ủy phường Long Châu", "Đảng ủy phường Phước Hậu"),
                            new CommitteeCountsChanged(COMMUNE, 31, 1_520, 41));
        }

        @Test
        @DisplayName("a dissolved committee cannot be amended")
        void dissolved() {
            fixture.given(commune, new CommitteeDissolved(COMMUNE, REFORM, null, "communes merged"))
                    .when(new AmendCommittee(COMMUNE, "Đảng ủy phường Long Châu", null, null, null))
                    .expectException(conflict("committee.dissolved"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("amending a committee that is not registered answers not found")
        void unknown() {
            fixture.givenNoPriorActivity()
                    .when(new AmendCommittee(COMMUNE, "Đảng ủy phường Long Châu", null, null, null))
                    .expectException(notFound(COMMUNE))
                    .expectNoEvents();
        }
    }

    // ---- test data ----

    /** For each kind, a level it may have: a refusal under a cell then comes from the parent, not the level. */
    private static final Map<CommitteeKind, CommitteeLevel> A_LEVEL_OF = new EnumMap<>(Map.of(
            CommitteeKind.CENTRAL_COMMITTEE, CENTRAL,
            CommitteeKind.POLITBURO, CENTRAL,
            CommitteeKind.SECRETARIAT, CENTRAL,
            PARTY_COMMITTEE, DISTRICT,
            STANDING_COMMITTEE, GRASSROOTS,
            INSPECTION_COMMISSION, GRASSROOTS,
            GRASSROOTS_COMMITTEE, GRASSROOTS,
            CommitteeKind.DEPARTMENTAL_COMMITTEE, GRASSROOTS,
            CELL, CommitteeLevel.CELL));

    private void givenProvinceAndDistrict() {
        tree.given(PROVINCE, registered(PROVINCE, PARTY_COMMITTEE, PROVINCIAL, null, null))
                .given(DISTRICT_COMMITTEE, registered(DISTRICT_COMMITTEE, PARTY_COMMITTEE, DISTRICT, PROVINCE, null));
    }

    private static RegisterCommittee register(CommitteeId id, CommitteeKind kind, CommitteeLevel level, CommitteeId parent,
                                              LocalDate establishedOn) {
        return new RegisterCommittee(id, "Name of " + id, kind, level, parent, establishedOn, null, null, null);
    }

    private static CommitteeRegistered registered(CommitteeId id, CommitteeKind kind, CommitteeLevel level, CommitteeId parent,
                                                  LocalDate establishedOn) {
        return new CommitteeRegistered(id, "Name of " + id, kind, level, parent, establishedOn, null, null, null);
    }

    // ---- matchers, for the fixture's expectException and the tree's alike ----

    private static Matcher<RuleViolationException> violating(String rule) {
        return failure(RuleViolationException.class, "rule", RuleViolationException::rule, rule);
    }

    private static Matcher<RuleViolationException> violating(String rule, String messageKey) {
        return failure(RuleViolationException.class, "rule and message key",
                e -> e.rule() + " " + e.messageKey(), rule + " " + messageKey);
    }

    private static Matcher<ConflictException> conflict(String messageKey) {
        return failure(ConflictException.class, "message key", ConflictException::messageKey, messageKey);
    }

    private static Matcher<NotFoundException> notFound(CommitteeId id) {
        return failure(NotFoundException.class, "kind and id", e -> e.kind() + " " + e.id(), "committee " + id.value());
    }

    private static <E extends Throwable> Matcher<E> failure(Class<E> type, String what, Function<E, String> feature,
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
                description.appendText(type.getSimpleName() + " with " + what + " ").appendValue(expected);
            }
        };
    }

    /**
     * The real {@link CommitteeCommandHandler} on a {@link SimpleCommandBus}, its repository event-sourcing
     * from an in-memory event store that can hold any number of committees.
     */
    private static final class Tree {

        private final EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        private final List<Object> published = new ArrayList<>();

        Tree() {
            EventSourcingRepository<Committee> repository = EventSourcingRepository.builder(Committee.class)
                    .eventStore(store)
                    .build();
            new AnnotationCommandHandlerAdapter<>(new CommitteeCommandHandler(repository, CLOCK)).subscribe(commandBus);
            store.subscribe(messages -> messages.forEach(message -> published.add(message.getPayload())));
        }

        /** Appends {@code events} to the committee's stream, after those it already has. */
        Tree given(CommitteeId id, Object... events) {
            long next = store.lastSequenceNumberFor(id.value()).map(last -> last + 1).orElse(0L);
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            for (Object event : events) {
                messages.add(new GenericDomainEventMessage<>("Committee", id.value(), next++, event));
            }
            store.publish(messages);
            return this;
        }

        Outcome when(Object command) {
            published.clear();
            FutureCallback<Object, Object> callback = new FutureCallback<>();
            commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
            CommandResultMessage<?> result = callback.getResult();
            return result.isExceptional()
                    ? new Outcome(List.copyOf(published), null, result.exceptionResult())
                    : new Outcome(List.copyOf(published), result.getPayload(), null);
        }

        void close() {
            store.shutDown();
        }
    }

    private record Outcome(List<Object> events, Object result, Throwable failure) {

        Outcome expectEvents(Object... expected) {
            assertThat(failure).as("failure").isNull();
            assertThat(events).as("published events").containsExactlyElementsOf(Arrays.asList(expected));
            return this;
        }

        Outcome expectResult(Object expected) {
            assertThat(result).as("the handler's answer").isEqualTo(expected);
            return this;
        }

        @SuppressWarnings("unchecked")
        void expectException(Matcher<?> matcher) {
            MatcherAssert.assertThat("failure", failure, (Matcher<? super Throwable>) matcher);
            assertThat(events).as("published events").isEmpty();
        }
    }
}
