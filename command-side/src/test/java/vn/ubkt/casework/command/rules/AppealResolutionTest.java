package vn.ubkt.casework.command.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/** R-DEADLINES: the appeal-resolution limit follows the level of the body that will resolve the appeal. */
@DisplayName("The appeal-resolution limit is set by the level of the body that resolves it")
class AppealResolutionTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 1);

    /** TW ← TU ← (BTV-TU, UBKT-TU, XA); TW ← UBKT-TW. */
    private static final TreeView TREE = new TreeView() {
        private final Map<String, Node> nodes = Map.of(
                "TW", node("TW", CommitteeKind.CENTRAL_COMMITTEE, CommitteeLevel.CENTRAL),
                "UBKT-TW", node("UBKT-TW", CommitteeKind.INSPECTION_COMMISSION, CommitteeLevel.CENTRAL),
                "TU", node("TU", CommitteeKind.PARTY_COMMITTEE, CommitteeLevel.PROVINCIAL),
                "BTV-TU", node("BTV-TU", CommitteeKind.STANDING_COMMITTEE, CommitteeLevel.PROVINCIAL),
                "UBKT-TU", node("UBKT-TU", CommitteeKind.INSPECTION_COMMISSION, CommitteeLevel.PROVINCIAL),
                "XA", node("XA", CommitteeKind.GRASSROOTS_COMMITTEE, CommitteeLevel.GRASSROOTS));
        private final Map<String, String> parents = Map.of("UBKT-TW", "TW", "TU", "TW", "BTV-TU", "TU", "UBKT-TU", "TU",
                "XA", "TU");

        private static Node node(String id, CommitteeKind kind, CommitteeLevel level) {
            return new Node(CommitteeId.of(id), kind, level, 9, null, null, null);
        }

        @Override
        public Optional<Node> node(CommitteeId id) {
            return Optional.ofNullable(nodes.get(id.value()));
        }

        @Override
        public Optional<CommitteeId> parentOn(CommitteeId id, LocalDate date) {
            return Optional.ofNullable(parents.get(id.value())).map(CommitteeId::of);
        }
    };

    private static int days(String decidingBody) {
        return AppealResolution.workingDays(TestRulebook.load().inForceOn(ON), TREE, CommitteeId.of(decidingBody), ON);
    }

    @Test
    @DisplayName("the provincial commission's decision is resolved by the provincial committee: 90 working days, not 180")
    void commissionByItsCommittee() {
        assertThat(AppealResolution.resolvingLevel(TREE, CommitteeId.of("UBKT-TU"), ON)).isEqualTo(CommitteeLevel.PROVINCIAL);
        assertThat(days("UBKT-TU")).isEqualTo(90);
    }

    @Test
    @DisplayName("the provincial standing committee's decision goes to the centre: 180 working days")
    void standingCommitteeAbove() {
        assertThat(days("BTV-TU")).isEqualTo(180);
    }

    @Test
    @DisplayName("the commune committee's decision goes to the province (90); the central commission's to the Central Committee (180)")
    void otherLevels() {
        assertThat(days("XA")).isEqualTo(90);
        assertThat(days("UBKT-TW")).isEqualTo(180);
    }
}
