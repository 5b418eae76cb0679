package vn.ubkt.casework.query.committeetree;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.access.Jurisdiction;
import vn.ubkt.casework.access.TreeWalk;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/**
 * Every read of the organization tree on the query side goes through here: the tree on a date, what a
 * committee's lists cover, the pieces of a period its figures count, names and attributes, and the users'
 * jurisdiction. It reads the committee-tree read model once per change of it ({@link TreeSnapshot} holds the
 * rules); the jurisdiction is the access module's {@link TreeWalk}, the rule both sides share.
 */
@Component
public class CommitteeTree {

    private record Cached(String fingerprint, TreeSnapshot snapshot) {
    }

    private final JdbcClient jdbc;
    private final TreeWalk walk;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    CommitteeTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.walk = new TreeWalk(jdbc, "committee_node", "committee_parent_link");
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
        // every change of a node raises its last_sequence, every move adds a link: a cheap test of "changed?"
        String fingerprint = jdbc.sql("""
                select count(*) || ':' || coalesce(sum(last_sequence), 0) || ':'
                       || (select count(*) from committee_parent_link) from committee_node""")
                .query(String.class).single();
        Cached cached = cache.get();
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached.snapshot();
        }
        TreeSnapshot snapshot = load();
        cache.set(new Cached(fingerprint, snapshot));
        return snapshot;
    }

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
        return snapshot().treeOn(on);
    }

    public Set<String> subtreeEver(String committeeId) {
        return snapshot().subtreeEver(committeeId);
    }

    public Set<String> ownEver(String committeeId) {
        return snapshot().ownEver(committeeId);
    }

    public List<TreeSnapshot.Piece> pieces(String committeeId, LocalDate from, LocalDate to, boolean subtree) {
        return snapshot().pieces(committeeId, from, to, subtree);
    }

    /** A user's jurisdiction on a day (API.md "Jurisdiction"), the same rule the command side applies. */
    public Jurisdiction jurisdiction(String committeeId, LocalDate today) {
        return walk.of(committeeId, today);
    }
}
