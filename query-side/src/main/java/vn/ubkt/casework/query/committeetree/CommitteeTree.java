package vn.ubkt.casework.query.committeetree;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.access.Jurisdiction;
import vn.ubkt.casework.access.TreeWalk;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ubkt.casework.query.platform.ReadDatabase;

/**
 * Every read of the organization tree on the query side goes through here: the tree on a date, what a
 * committee's lists cover, the pieces of a period its figures count, names and attributes, and the users'
 * jurisdiction. It reads the committee-tree read model once per change of it ({@link TreeSnapshot} holds the
 * rules); the jurisdiction is the access module's {@link TreeWalk}, the rule both sides share.
 */
@Component
public class CommitteeTree {

    /**
     * A snapshot with the answers already computed from it: the snapshot never changes, so neither do they (a
     * subtree through time walks every node; a national tree has tens of thousands).
     */
    private record Cached(String fingerprint, TreeSnapshot snapshot, Map<List<Object>, Object> answers) {
    }

    private final JdbcClient jdbc;
    private final TreeWalk walk;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    /** The live read model, on the replica when there is one. */
    @Autowired
    CommitteeTree(ReadDatabase database) {
        this(database.readModel());
    }

    private CommitteeTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.walk = new TreeWalk(jdbc, "committee_node", "committee_parent_link", "committee_tree_version");
    }

    /**
     * A tree read through {@code jdbc} by itself, with a cache of its own: the tree of a scratch copy of the read model
     * (an archived report recomputed from the first events of the log), never mixed with the live one.
     */
    public static CommitteeTree over(JdbcClient jdbc) {
        return new CommitteeTree(jdbc);
    }

    /** The tree as the read model holds it now. */
    public TreeSnapshot snapshot() {
        return current().snapshot();
    }

    private Cached current() {
        // every change to the tree raises its version in the same transaction: one row read tells "changed?"
        String fingerprint = walk.version();
        Cached cached = cache.get();
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached;
        }
        Cached loaded = new Cached(fingerprint, load(), new ConcurrentHashMap<>());
        cache.set(loaded);
        return loaded;
    }

    /** An answer computed once per snapshot (a bounded number of them), shared by every request until the tree changes. */
    @SuppressWarnings("unchecked")
    private <T> T answer(List<Object> question, Function<TreeSnapshot, T> compute) {
        Cached cached = current();
        Object known = cached.answers().get(question);
        if (known == null) {
            known = compute.apply(cached.snapshot());
            if (cached.answers().size() < MAX_ANSWERS) {
                cached.answers().putIfAbsent(question, known);
            }
        }
        return (T) known;
    }

    private static final int MAX_ANSWERS = 10_000;

    private TreeSnapshot load() {
        List<TreeSnapshot.Node> nodes = jdbc.sql("""
                select id, name, kind, level, established_on, dissolved_on, successor_id, dissolution_reason,
                       voting_members, party_members, cells, last_sequence from committee_node""")
                .query((rs, n) -> new TreeSnapshot.Node(rs.getString(1), rs.getString(2),
                        CommitteeKind.valueOf(rs.getString(3)), CommitteeLevel.valueOf(rs.getString(4)),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getString(8), (Integer) rs.getObject(9), (Integer) rs.getObject(10),
                        (Integer) rs.getObject(11), rs.getLong(12)))
                .list();
        List<TreeSnapshot.Link> links = jdbc.sql("select node_id, valid_from, sequence, parent_id from committee_parent_link")
                .query((rs, n) -> new TreeSnapshot.Link(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getString(4)))
                .list();
        return new TreeSnapshot(nodes, links);
    }

    public boolean exists(String id) {
        return snapshot().exists(id);
    }

    public String name(String id) {
        return snapshot().name(id);
    }

    public List<CommitteeNodeView> treeOn(LocalDate on) {
        return answer(List.of("treeOn", on), snapshot -> List.copyOf(snapshot.treeOn(on)));
    }

    public Set<String> subtreeEver(String committeeId) {
        return answer(List.of("subtreeEver", committeeId), snapshot -> Set.copyOf(snapshot.subtreeEver(committeeId)));
    }

    public Set<String> ownEver(String committeeId) {
        return answer(List.of("ownEver", committeeId), snapshot -> Set.copyOf(snapshot.ownEver(committeeId)));
    }

    public List<TreeSnapshot.Piece> pieces(String committeeId, LocalDate from, LocalDate to, boolean subtree) {
        return answer(List.of("pieces", committeeId, from, to, subtree),
                snapshot -> List.copyOf(snapshot.pieces(committeeId, from, to, subtree)));
    }

    /**
     * The words of every provincial node these committees reach through any parent link or successor ({@code
     * casework_regions}, V18: the one statement of the rule, which case-detail applies to each case it writes), kept
     * until the tree changes: a province's search asks it on every call, and the walk took 4.4 ms at national scale.
     * Walked after the version was read, an answer is at worst newer than it: the tree only grows, so it is still a
     * superset.
     */
    public List<String> regionsReached(List<String> committees) {
        return answer(List.of("regionsReached", committees), snapshot -> List.copyOf(jdbc.sql(
                        "select distinct region from casework_regions(cast(:committees as text[])) order by region")
                .param("committees", committees.toArray(String[]::new)).query(String.class).list()));
    }

    /**
     * A user's jurisdiction on a day (API.md "Jurisdiction"), the same rule the command side applies, walked in SQL
     * over the same tables as the snapshot and kept until the tree changes.
     */
    public Jurisdiction jurisdiction(String committeeId, LocalDate today) {
        return walk.of(committeeId, today);
    }
}
