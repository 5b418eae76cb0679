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

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/**
 * An in-memory {@link TreeView}: the production one reads the command side's PostgreSQL directory. A node
 * keeps the parent it was registered under until it is {@link #moved moved}; a move takes effect on its date,
 * so the tree can be asked how it stood on any day, as the rules ask it.
 */
public final class TestTree implements TreeView {

    private final Map<CommitteeId, Node> nodes = new LinkedHashMap<>();
    private final Map<CommitteeId, NavigableMap<LocalDate, Optional<CommitteeId>>> parents = new LinkedHashMap<>();

    public TestTree node(String id, CommitteeKind kind, CommitteeLevel level, Integer votingMembers, String parent,
                  LocalDate establishedOn, LocalDate dissolvedOn) {
        CommitteeId committeeId = CommitteeId.of(id);
        if (nodes.containsKey(committeeId)) {
            throw new IllegalArgumentException(id + " is already in the test tree");
        }
        if (parent != null && !nodes.containsKey(CommitteeId.of(parent))) {
            throw new IllegalArgumentException("the parent " + parent + " of " + id + " is not in the test tree");
        }
        nodes.put(committeeId, new Node(committeeId, kind, level, votingMembers, establishedOn, dissolvedOn, null));
        NavigableMap<LocalDate, Optional<CommitteeId>> history = new TreeMap<>();
        history.put(LocalDate.MIN, Optional.ofNullable(parent).map(CommitteeId::of));
        parents.put(committeeId, history);
        return this;
    }

    /** From {@code on} (inclusive) the node hangs under {@code newParent}. */
    public TestTree moved(String id, LocalDate on, String newParent) {
        NavigableMap<LocalDate, Optional<CommitteeId>> history = parents.get(CommitteeId.of(id));
        if (history == null || !nodes.containsKey(CommitteeId.of(newParent))) {
            throw new IllegalArgumentException("move of " + id + " under " + newParent + ": unknown node");
        }
        history.put(on, Optional.of(CommitteeId.of(newParent)));
        return this;
    }

    /** The tree {@link CaseTestBase} describes, for the tests of every aggregate. */
    public static TestTree realistic() {
        LocalDate reform = LocalDate.of(2025, 7, 1);
        LocalDate founded = LocalDate.of(1976, 1, 1);
        return new TestTree()
                .node("TW", CENTRAL_COMMITTEE, CENTRAL, 180, null, LocalDate.of(1930, 2, 3), null)
                .node("BCT", POLITBURO, CENTRAL, 18, "TW", founded, null)
                .node("UBKT-TW", INSPECTION_COMMISSION, CENTRAL, 19, "TW", founded, null)
                .node("TU", PARTY_COMMITTEE, PROVINCIAL, 53, "TW", founded, null)
                .node("BTV-TU", STANDING_COMMITTEE, PROVINCIAL, 15, "TU", founded, null)
                .node("UBKT-TU", INSPECTION_COMMISSION, PROVINCIAL, 9, "TU", founded, null)
                .node("HU", PARTY_COMMITTEE, DISTRICT, 33, "TU", founded, reform)
                .node("BTV-HU", STANDING_COMMITTEE, DISTRICT, 11, "HU", founded, reform)
                .node("UBKT-HU", INSPECTION_COMMISSION, DISTRICT, 7, "HU", founded, reform)
                .node("XA", GRASSROOTS_COMMITTEE, GRASSROOTS, 19, "HU", founded, null)
                .moved("XA", reform, "TU")
                .node("BTV-XA", STANDING_COMMITTEE, GRASSROOTS, 5, "XA", founded, null)
                .node("UBKT-XA", INSPECTION_COMMISSION, GRASSROOTS, 5, "XA", founded, null)
                .node("CB1", CELL, CommitteeLevel.CELL, 15, "XA", founded, null)
                .node("DUBP", DEPARTMENTAL_COMMITTEE, GRASSROOTS, 7, "XA", founded, null)
                .node("CB2", CELL, CommitteeLevel.CELL, 12, "DUBP", founded, null)
                .node("DUK", PARTY_COMMITTEE, DISTRICT, 25, "TU", founded, null)
                .node("BTV-DUK", STANDING_COMMITTEE, DISTRICT, 7, "DUK", founded, null)
                .node("DNCS", GRASSROOTS_COMMITTEE, GRASSROOTS, 9, "DUK", founded, null)
                .node("CB3", CELL, CommitteeLevel.CELL, 10, "DNCS", founded, null);
    }

    @Override
    public Optional<Node> node(CommitteeId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    @Override
    public Optional<CommitteeId> parentOn(CommitteeId id, LocalDate date) {
        NavigableMap<LocalDate, Optional<CommitteeId>> history = parents.get(id);
        if (history == null) {
            return Optional.empty();
        }
        return history.floorEntry(date).getValue();
    }
}
