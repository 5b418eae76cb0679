package vn.ubkt.casework.command.cases;

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
final class TestTree implements TreeView {

    private final Map<CommitteeId, Node> nodes = new LinkedHashMap<>();
    private final Map<CommitteeId, NavigableMap<LocalDate, Optional<CommitteeId>>> parents = new LinkedHashMap<>();

    TestTree node(String id, CommitteeKind kind, CommitteeLevel level, Integer votingMembers, String parent,
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
    TestTree moved(String id, LocalDate on, String newParent) {
        NavigableMap<LocalDate, Optional<CommitteeId>> history = parents.get(CommitteeId.of(id));
        if (history == null || !nodes.containsKey(CommitteeId.of(newParent))) {
            throw new IllegalArgumentException("move of " + id + " under " + newParent + ": unknown node");
        }
        history.put(on, Optional.of(CommitteeId.of(newParent)));
        return this;
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
