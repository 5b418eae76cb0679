package vn.ubkt.casework.command.committees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ubkt.casework.events.committees.CommitteeKind.CELL;
import static vn.ubkt.casework.events.committees.CommitteeKind.CENTRAL_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.DEPARTMENTAL_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.GRASSROOTS_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.INSPECTION_COMMISSION;
import static vn.ubkt.casework.events.committees.CommitteeKind.PARTY_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.POLITBURO;
import static vn.ubkt.casework.events.committees.CommitteeKind.SECRETARIAT;
import static vn.ubkt.casework.events.committees.CommitteeKind.STANDING_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeLevel.CENTRAL;
import static vn.ubkt.casework.events.committees.CommitteeLevel.DISTRICT;
import static vn.ubkt.casework.events.committees.CommitteeLevel.GRASSROOTS;
import static vn.ubkt.casework.events.committees.CommitteeLevel.PROVINCIAL;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

class TreeRulesTest {

    /** The levels each kind may have (DOMAIN.md "The organization tree"), written out rather than read from TreeRules. */
    private static final Map<CommitteeKind, Set<CommitteeLevel>> LEVELS = new EnumMap<>(Map.of(
            CENTRAL_COMMITTEE, Set.of(CENTRAL),
            POLITBURO, Set.of(CENTRAL),
            SECRETARIAT, Set.of(CENTRAL),
            PARTY_COMMITTEE, Set.of(PROVINCIAL, DISTRICT),
            STANDING_COMMITTEE, Set.of(PROVINCIAL, DISTRICT, GRASSROOTS),
            INSPECTION_COMMISSION, Set.of(CENTRAL, PROVINCIAL, DISTRICT, GRASSROOTS),
            GRASSROOTS_COMMITTEE, Set.of(GRASSROOTS),
            DEPARTMENTAL_COMMITTEE, Set.of(GRASSROOTS),
            CELL, Set.of(CommitteeLevel.CELL, GRASSROOTS)));

    static Stream<Arguments> everyKindAtEveryLevel() {
        return Arrays.stream(CommitteeKind.values()).flatMap(kind -> Arrays.stream(CommitteeLevel.values())
                .map(level -> Arguments.of(kind, level, LEVELS.get(kind).contains(level) ? "allowed" : "refused")));
    }

    @Test
    @DisplayName("the expected table names every kind")
    void tableIsComplete() {
        assertThat(LEVELS).containsOnlyKeys(CommitteeKind.values());
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @MethodSource("everyKindAtEveryLevel")
    @DisplayName("each kind may have exactly its own levels")
    void checkLevel(CommitteeKind kind, CommitteeLevel level, String expected) {
        if (expected.equals("allowed")) {
            assertThatCode(() -> TreeRules.checkLevel(kind, level)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TreeRules.checkLevel(kind, level))
                    .isInstanceOfSatisfying(RuleViolationException.class, refusal -> {
                        assertThat(refusal.rule()).isEqualTo("TREE-PLACEMENT");
                        assertThat(refusal.field()).isEqualTo("level");
                        assertThat(refusal.messageKey()).isEqualTo("tree.placement.level");
                    });
        }
    }

    private static CommitteeFacts node(CommitteeKind kind, CommitteeLevel level) {
        return new CommitteeFacts(vn.ubkt.casework.events.committees.CommitteeId.of("P-" + kind), "parent", kind, level,
                null, null, null);
    }

    @Test
    @DisplayName("a cell at CELL level hangs under a grassroots or departmental committee, never directly under a party committee")
    void cellLevelCell() {
        assertThatCode(() -> TreeRules.checkPlacement(CELL, CommitteeLevel.CELL, node(GRASSROOTS_COMMITTEE, GRASSROOTS), "parentId"))
                .doesNotThrowAnyException();
        assertThatCode(() -> TreeRules.checkPlacement(CELL, CommitteeLevel.CELL, node(DEPARTMENTAL_COMMITTEE, GRASSROOTS), "parentId"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> TreeRules.checkPlacement(CELL, CommitteeLevel.CELL, node(PARTY_COMMITTEE, DISTRICT), "parentId"))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("TREE-PLACEMENT");
    }

    @Test
    @DisplayName("a GRASSROOTS-level cell (chi bộ cơ sở) hangs directly under a party committee, not inside a grassroots committee")
    void grassrootsLevelCell() {
        assertThatCode(() -> TreeRules.checkPlacement(CELL, GRASSROOTS, node(PARTY_COMMITTEE, PROVINCIAL), "parentId"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> TreeRules.checkPlacement(CELL, GRASSROOTS, node(GRASSROOTS_COMMITTEE, GRASSROOTS), "parentId"))
                .isInstanceOf(RuleViolationException.class);
    }
}
