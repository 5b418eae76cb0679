package vn.ubkt.casework.query.committeetree;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/**
 * The organization tree through time, as the committee-tree read model holds it: every node and every parent
 * link it ever had. The one place on the query side that knows what stood under what on a day, and how history
 * follows successors (DOMAIN.md "The tree changes over time"). Pure and immutable: tested alone.
 */
public final class TreeSnapshot {

    /** A node as the read model holds it. */
    public record Node(String id, String name, CommitteeKind kind, CommitteeLevel level, LocalDate establishedOn,
                       LocalDate dissolvedOn, String successorId, String dissolutionReason, Integer votingMembers,
                       Integer partyMembers, Integer cells, long lastSequence) {

        /** Established by then (or since always) and not yet dissolved. */
        public boolean standsOn(LocalDate date) {
            return (establishedOn == null || !establishedOn.isAfter(date))
                    && (dissolvedOn == null || date.isBefore(dissolvedOn));
        }
    }

    /** From {@code validFrom} (null: since always) the node hangs under {@code parentId} (null: under nothing). */
    public record Link(String nodeId, LocalDate validFrom, long sequence, String parentId) {
    }

    /** A stretch of a period in which the tree did not change, and the nodes whose figures count in it. */
    public record Piece(LocalDate from, LocalDate to, Set<String> nodes) {
    }

    private static final Comparator<CommitteeNodeView> ORDER;

    static {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        ORDER = Comparator.comparing((CommitteeNodeView node) -> node.level().ordinal())
                .thenComparing(node -> node.kind().ordinal())
                .thenComparing(CommitteeNodeView::name, vietnamese)
                .thenComparing(CommitteeNodeView::id);
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<Link>> links = new HashMap<>();

    public TreeSnapshot(List<Node> nodes, List<Link> links) {
        nodes.forEach(node -> this.nodes.put(node.id(), node));
        for (Link link : links) {
            this.links.computeIfAbsent(link.nodeId(), key -> new ArrayList<>()).add(link);
        }
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(id == null ? null : nodes.get(id));
    }

    public boolean exists(String id) {
        return id != null && nodes.containsKey(id);
    }

    /** The node's name, or its id when the read model does not know it (yet). */
    public String name(String id) {
        Node node = id == null ? null : nodes.get(id);
        return node == null ? id : node.name();
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    /** {@link #standing()}, once sorted (the snapshot never changes; a change to the tree makes a new one). */
    private volatile List<Node> standing;

    /**
     * The nodes never dissolved, highest level first, then by name in Vietnamese order, sorted once per snapshot. Every
     * page's committee pickers ask for them: sorted again for each page with the collator comparing names, 15,000
     * committees took about 280 ms of the dashboard's 300 (docs/BENCHMARKS.md, "The dashboard's 300 ms").
     */
    public List<Node> standing() {
        List<Node> sorted = standing;
        if (sorted == null) {
            // each name's collation key made once, where the collator's compare normalized both names at each comparison
            Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
            Map<String, java.text.CollationKey> keys = new HashMap<>();
            sorted = nodes.values().stream().filter(node -> node.dissolvedOn() == null)
                    .sorted(Comparator.comparing((Node node) -> node.level().ordinal())
                            .thenComparing(node -> keys.computeIfAbsent(node.name(), vietnamese::getCollationKey)))
                    .toList();
            standing = sorted;
        }
        return sorted;
    }

    /** Every parent link the node ever had, oldest first. */
    public List<Link> linksOf(String id) {
        List<Link> own = new ArrayList<>(links.getOrDefault(id, List.of()));
        own.sort(Comparator.comparing(Link::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(Link::sequence));
        return own;
    }

    /** The nodes dissolved into this one. */
    public List<Node> predecessors(String id) {
        return nodes.values().stream().filter(node -> id.equals(node.successorId()))
                .sorted(Comparator.comparing(Node::dissolvedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Node::id))
                .toList();
    }

    /**
     * The parent on a day: the link with the latest start on or before it (a dated link over one without a
     * date, which holds since always); among equals the one recorded last.
     */
    public String parentOn(String id, LocalDate day) {
        Link best = null;
        for (Link link : links.getOrDefault(id, List.of())) {
            boolean valid = link.validFrom() == null || !link.validFrom().isAfter(day);
            if (valid && (best == null || later(link, best))) {
                best = link;
            }
        }
        return best == null ? null : best.parentId();
    }

    private static boolean later(Link a, Link b) {
        if (a.validFrom() == null || b.validFrom() == null) {
            return a.validFrom() != null || (b.validFrom() == null && a.sequence() > b.sequence());
        }
        int byDate = a.validFrom().compareTo(b.validFrom());
        return byDate > 0 || (byDate == 0 && a.sequence() > b.sequence());
    }

    /** The parent in force today, whatever the date of its link (for a node's detail). */
    public String currentParent(String id) {
        return parentOn(id, LocalDate.MAX);
    }

    // ---------------------------------------------------------------- the tree on a date

    /**
     * The tree as it stood on a date: the nodes standing then under their parent of that day; a node whose parent
     * no longer stood hangs under the parent's standing successor; with none it is a root.
     */
    public List<CommitteeNodeView> treeOn(LocalDate on) {
        Map<String, List<Node>> children = new HashMap<>();
        Map<String, String> attachedTo = new HashMap<>();
        List<Node> roots = new ArrayList<>();
        for (Node node : nodes.values()) {
            if (!node.standsOn(on)) {
                continue;
            }
            String parent = standingSelfOrSuccessor(parentOn(node.id(), on), on);
            attachedTo.put(node.id(), parent);
            if (parent == null) {
                roots.add(node);
            } else {
                children.computeIfAbsent(parent, key -> new ArrayList<>()).add(node);
            }
        }
        return roots.stream().map(root -> view(root, attachedTo, children)).sorted(ORDER).toList();
    }

    private String standingSelfOrSuccessor(String id, LocalDate on) {
        Set<String> seen = new HashSet<>();
        for (String candidate = id; candidate != null && seen.add(candidate); ) {
            Node node = nodes.get(candidate);
            if (node == null) {
                return null;
            }
            if (node.standsOn(on)) {
                return candidate;
            }
            candidate = node.successorId();
        }
        return null;
    }

    private CommitteeNodeView view(Node node, Map<String, String> attachedTo, Map<String, List<Node>> children) {
        List<CommitteeNodeView> below = children.getOrDefault(node.id(), List.of()).stream()
                .map(child -> view(child, attachedTo, children)).sorted(ORDER).toList();
        return new CommitteeNodeView(node.id(), node.name(), node.kind(), node.level(), attachedTo.get(node.id()),
                node.establishedOn(), node.dissolvedOn(), node.successorId(), node.votingMembers(), node.partyMembers(),
                node.cells(), below);
    }

    // ---------------------------------------------------------------- what lists cover

    /**
     * What a committee's lists cover: the committee, every node that ever hung under it or under one of its
     * predecessors, directly or not, and every node dissolved into any of them. A commune moved from a dissolved
     * district to the province is listed under both; lists show every case ever held there.
     */
    public Set<String> subtreeEver(String committeeId) {
        Set<String> scope = new HashSet<>();
        for (String node : nodes.keySet()) {
            if (reachesEver(node, committeeId)) {
                scope.add(node);
            }
        }
        scope.add(committeeId);
        return scope;
    }

    private boolean reachesEver(String start, String target) {
        Deque<String> frontier = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        frontier.add(start);
        while (!frontier.isEmpty()) {
            String node = frontier.poll();
            if (node.equals(target)) {
                return true;
            }
            if (!seen.add(node)) {
                continue;
            }
            for (Link link : links.getOrDefault(node, List.of())) {
                if (link.parentId() != null) {
                    frontier.add(link.parentId());
                }
            }
            Node known = nodes.get(node);
            if (known != null && known.successorId() != null) {
                frontier.add(known.successorId());
            }
        }
        return false;
    }

    /** The committee and the nodes dissolved into it, directly or through others. */
    public Set<String> ownEver(String committeeId) {
        Set<String> scope = new HashSet<>();
        scope.add(committeeId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Node node : nodes.values()) {
                if (node.successorId() != null && scope.contains(node.successorId()) && scope.add(node.id())) {
                    grew = true;
                }
            }
        }
        return scope;
    }

    // ---------------------------------------------------------------- what figures count

    /**
     * Which committees' figures belong to a committee's over a period: the tree as it stood on each day decides
     * what lies under what, and a node dissolved into a successor counts as that successor for every day before
     * the dissolution. The period is cut where the tree changed, so every figure is taken at most once.
     */
    public List<Piece> pieces(String committeeId, LocalDate from, LocalDate to, boolean subtree) {
        Set<LocalDate> cuts = new TreeSet<>();
        for (Node node : nodes.values()) {
            addCut(cuts, node.dissolvedOn(), from, to);
            addCut(cuts, node.establishedOn(), from, to);
        }
        links.values().forEach(own -> own.forEach(link -> addCut(cuts, link.validFrom(), from, to)));
        List<Piece> pieces = new ArrayList<>();
        LocalDate start = from;
        for (LocalDate cut : cuts) {
            pieces.add(piece(committeeId, start, cut.minusDays(1), subtree));
            start = cut;
        }
        pieces.add(piece(committeeId, start, to, subtree));
        return pieces;
    }

    private static void addCut(Set<LocalDate> cuts, LocalDate date, LocalDate from, LocalDate to) {
        if (date != null && date.isAfter(from) && !date.isAfter(to)) {
            cuts.add(date);
        }
    }

    private Piece piece(String target, LocalDate from, LocalDate to, boolean subtree) {
        Set<String> counted = new HashSet<>();
        for (String node : links.keySet()) {
            if (countsFor(node, target, from, subtree)) {
                counted.add(node);
            }
        }
        counted.add(target);
        return new Piece(from, to, counted);
    }

    /** Whether a node's figures of this day count for the target: it, or an ancestor, is the target or became it. */
    private boolean countsFor(String node, String target, LocalDate day, boolean subtree) {
        Set<String> seen = new HashSet<>();
        String current = node;
        while (current != null && seen.add(current)) {
            if (becomes(current, target)) {
                return true;
            }
            if (!subtree) {
                return false;
            }
            current = parentOn(current, day);
        }
        return false;
    }

    private boolean becomes(String node, String target) {
        Set<String> seen = new HashSet<>();
        for (String current = node; current != null && seen.add(current); ) {
            if (current.equals(target)) {
                return true;
            }
            Node known = nodes.get(current);
            current = known == null ? null : known.successorId();
        }
        return false;
    }
}
