package vn.ubkt.casework.query.committeetree;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/**
 * The tree through time, alone: a province, a district dissolved into it on 2025-07-01, a commune moved from the
 * district to the province that day, a cell, and a neighbouring province merged into the first on the same day.
 */
@DisplayName("The tree through time: parents on a day, the tree on a date, what lists cover, what figures count")
class TreeSnapshotTest {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final LocalDate BEFORE = REFORM.minusDays(1);

    private final List<TreeSnapshot.Node> nodes = new ArrayList<>();
    private final List<TreeSnapshot.Link> links = new ArrayList<>();
    private long sequence;

    private void node(String id, CommitteeKind kind, CommitteeLevel level, String parent, LocalDate dissolvedOn,
                      String successor) {
        nodes.add(new TreeSnapshot.Node(id, "Tên " + id, kind, level, null, dissolvedOn, successor, null, null, null,
                null, 0));
        links.add(new TreeSnapshot.Link(id, null, sequence++, parent));
    }

    private void move(String id, LocalDate on, String parent) {
        links.add(new TreeSnapshot.Link(id, on, sequence++, parent));
    }

    private TreeSnapshot reform() {
        node("TW", CommitteeKind.CENTRAL_COMMITTEE, CommitteeLevel.CENTRAL, null, null, null);
        node("TU", CommitteeKind.PARTY_COMMITTEE, CommitteeLevel.PROVINCIAL, "TW", null, null);
        node("TU-CU", CommitteeKind.PARTY_COMMITTEE, CommitteeLevel.PROVINCIAL, "TW", REFORM, "TU");
        node("HU", CommitteeKind.PARTY_COMMITTEE, CommitteeLevel.DISTRICT, "TU", REFORM, "TU");
        node("XA", CommitteeKind.GRASSROOTS_COMMITTEE, CommitteeLevel.GRASSROOTS, "HU", null, null);
        node("XA-CU", CommitteeKind.GRASSROOTS_COMMITTEE, CommitteeLevel.GRASSROOTS, "TU-CU", null, null);
        node("CB", CommitteeKind.CELL, CommitteeLevel.CELL, "XA", null, null);
        move("XA", REFORM, "TU");
        return new TreeSnapshot(nodes, links);
    }

    @Test
    @DisplayName("the committees standing: none dissolved, highest level first, then by name in Vietnamese order; sorted once")
    void standingInVietnameseOrder() {
        node("TW", CommitteeKind.CENTRAL_COMMITTEE, CommitteeLevel.CENTRAL, null, null, null);
        named("X3", "Đảng ủy xã An", CommitteeLevel.GRASSROOTS, null);
        named("X1", "Đảng ủy xã Ân", CommitteeLevel.GRASSROOTS, null);
        named("X2", "Đảng ủy xã Bắc", CommitteeLevel.GRASSROOTS, null);
        named("X4", "Dân vận xã", CommitteeLevel.GRASSROOTS, null);
        named("X5", "Đảng ủy xã Cũ", CommitteeLevel.GRASSROOTS, REFORM);
        named("T1", "Tỉnh ủy Zeta", CommitteeLevel.PROVINCIAL, null);
        TreeSnapshot tree = new TreeSnapshot(nodes, links);
        // D before Đ, A before Â before B, as Vietnamese orders them (by code point, Đ and Â would come after B and Z)
        assertThat(tree.standing()).extracting(TreeSnapshot.Node::id)
                .containsExactly("TW", "T1", "X4", "X3", "X1", "X2");
        assertThat(tree.standing()).isSameAs(tree.standing());
    }

    private void named(String id, String name, CommitteeLevel level, LocalDate dissolvedOn) {
        nodes.add(new TreeSnapshot.Node(id, name, CommitteeKind.GRASSROOTS_COMMITTEE, level, null, dissolvedOn, null, null,
                null, null, null, 0));
        links.add(new TreeSnapshot.Link(id, null, sequence++, "TW"));
    }

    @Test
    @DisplayName("a node's parent on a day is its latest link begun by then; an undated link holds since always")
    void parentOnADay() {
        TreeSnapshot tree = reform();
        assertThat(tree.parentOn("XA", BEFORE)).isEqualTo("HU");
        assertThat(tree.parentOn("XA", REFORM)).isEqualTo("TU");
        assertThat(tree.currentParent("XA")).isEqualTo("TU");
        assertThat(tree.parentOn("TW", REFORM)).isNull();
    }

    @Test
    @DisplayName("among links of the same day, the one recorded last wins")
    void sameDayLinks() {
        TreeSnapshot tree = reform();
        List<TreeSnapshot.Link> more = new ArrayList<>(links);
        more.add(new TreeSnapshot.Link("XA", REFORM, sequence++, "TW"));
        assertThat(new TreeSnapshot(nodes, more).parentOn("XA", REFORM)).isEqualTo("TW");
        assertThat(tree.parentOn("XA", REFORM)).isEqualTo("TU");
    }

    @Test
    @DisplayName("on a date, only standing nodes are shown, and a node whose parent was dissolved hangs under the successor")
    void treeOnADate() {
        TreeSnapshot tree = reform();
        CommitteeNodeView before = tree.treeOn(BEFORE).get(0);
        assertThat(before.id()).isEqualTo("TW");
        assertThat(before.children()).extracting(CommitteeNodeView::id).containsExactlyInAnyOrder("TU", "TU-CU");
        CommitteeNodeView after = tree.treeOn(REFORM).get(0);
        assertThat(after.children()).extracting(CommitteeNodeView::id).containsExactly("TU");
        // the old province's commune was never moved: it hangs under the successor of its dissolved parent
        assertThat(after.children().get(0).children()).extracting(CommitteeNodeView::id)
                .containsExactlyInAnyOrder("XA", "XA-CU");
        assertThat(after.children().get(0).children()).allMatch(child -> "TU".equals(child.parentId()));
    }

    @Test
    @DisplayName("a committee's lists cover every node that was ever under it or its predecessors")
    void subtreeEver() {
        TreeSnapshot tree = reform();
        assertThat(tree.subtreeEver("TU")).containsExactlyInAnyOrder("TU", "TU-CU", "HU", "XA", "XA-CU", "CB");
        // the dissolved district still lists the commune that hung under it
        assertThat(tree.subtreeEver("HU")).containsExactlyInAnyOrder("HU", "XA", "CB");
        assertThat(tree.ownEver("TU")).containsExactlyInAnyOrder("TU", "TU-CU", "HU");
        assertThat(tree.ownEver("XA")).containsExactly("XA");
    }

    @Test
    @DisplayName("a period is cut where the tree changed; before the reform the district counts as the province, never twice")
    void pieces() {
        TreeSnapshot tree = reform();
        List<TreeSnapshot.Piece> pieces = tree.pieces("TU", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), true);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).to()).isEqualTo(BEFORE);
        assertThat(pieces.get(1).from()).isEqualTo(REFORM);
        assertThat(pieces.get(0).nodes()).contains("TU", "HU", "XA", "CB", "TU-CU", "XA-CU");
        assertThat(pieces.get(1).nodes()).contains("TU", "XA", "CB", "XA-CU");
        // own scope: the province and the nodes dissolved into it, not what hangs below
        List<TreeSnapshot.Piece> own = tree.pieces("TU", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), false);
        assertThat(own.get(0).nodes()).containsExactlyInAnyOrder("TU", "TU-CU", "HU");
        // the district's own figures after its dissolution belong to nobody under it any more
        List<TreeSnapshot.Piece> district = tree.pieces("HU", REFORM, LocalDate.of(2025, 12, 31), true);
        assertThat(district.get(0).nodes()).isEqualTo(Set.of("HU"));
    }

    @Test
    @DisplayName("names, existence and predecessors")
    void attributes() {
        TreeSnapshot tree = reform();
        assertThat(tree.name("TU")).isEqualTo("Tên TU");
        assertThat(tree.name("NOWHERE")).isEqualTo("NOWHERE");
        assertThat(tree.exists("NOWHERE")).isFalse();
        assertThat(tree.predecessors("TU")).extracting(TreeSnapshot.Node::id).containsExactly("HU", "TU-CU"); // by date, then id
        assertThat(tree.linksOf("XA")).extracting(TreeSnapshot.Link::parentId).containsExactly("HU", "TU");
    }
}
