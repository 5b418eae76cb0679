package vn.ubkt.casework.access;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one statement of the jurisdiction rule, run by each side over its own copy of the tree (the command side
 * decides from its directory, the query side from its read model; neither asks the other). Both copies have a
 * node table ({@code id, kind, level, dissolved_on, successor_id}) and a parent-link table
 * ({@code node_id, sequence, valid_from, parent_id}).
 *
 * <p>A walk covers the whole tree (tens of thousands of nodes for the country), so its answers are kept until the
 * tree changes: each copy keeps a one-row version table that every change to the tree raises in the same transaction,
 * and the tables' identities are part of the version (a rebuild puts new tables in their place). One cheap query per
 * call tells whether the kept answers still hold, on every node of a deployment alike.
 */
public final class TreeWalk {

    private static final int MAX_ANSWERS = 10_000;

    private final JdbcClient jdbc;
    private final String nodes;
    private final String links;
    private final String versionQuery;
    private final AtomicReference<Answers> answers = new AtomicReference<>();

    private record Answers(String version, Map<List<Object>, Jurisdiction> byQuestion) {
    }

    public TreeWalk(JdbcClient jdbc, String nodeTable, String linkTable, String versionTable) {
        this.jdbc = jdbc;
        this.nodes = nodeTable;
        this.links = linkTable;
        this.versionQuery = "select version || ':' || '%s'::regclass::oid || ':' || '%s'::regclass::oid from %s"
                .formatted(nodeTable, linkTable, versionTable);
    }

    /** The tree's version: it changes with every change to the tree, and when its tables are replaced. */
    public String version() {
        return jdbc.sql(versionQuery).query(String.class).single();
    }

    /** The jurisdiction of a user bound to {@code committeeId}, as the tree stands on {@code today}. */
    public Jurisdiction of(String committeeId, LocalDate today) {
        if (committeeId == null) {
            return Jurisdiction.nothing();
        }
        String version = version();
        Answers known = answers.get();
        if (known == null || !known.version().equals(version)) {
            known = new Answers(version, new ConcurrentHashMap<>());
            answers.set(known);
        }
        List<Object> question = List.of(committeeId, today);
        Jurisdiction answer = known.byQuestion().get(question);
        if (answer == null) {
            // walked after the version was read: at worst newer than it, and asked again once the version moves
            answer = walk(committeeId, today);
            if (known.byQuestion().size() < MAX_ANSWERS) {
                known.byQuestion().putIfAbsent(question, answer);
            }
        }
        return answer;
    }

    private Jurisdiction walk(String committeeId, LocalDate today) {
        String parentToday = """
                (select l.parent_id from %s l where l.node_id = n.id and (l.valid_from is null or l.valid_from <= :today)
                 order by l.valid_from desc nulls last, l.sequence desc limit 1)""".formatted(links);
        // an inspection commission or a standing committee works for the party committee that elected it
        Optional<String[]> anchor = jdbc.sql("""
                select a.id, a.level from %s n
                join %s a on a.id = case when n.kind in ('INSPECTION_COMMISSION', 'STANDING_COMMITTEE')
                                         then coalesce(%s, n.id) else n.id end
                where n.id = :committee""".formatted(nodes, nodes, parentToday))
                .param("committee", committeeId).param("today", today)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        if (anchor.isEmpty()) {
            return Jurisdiction.nothing();
        }
        if ("CENTRAL".equals(anchor.get()[1])) {
            return Jurisdiction.wholeParty();
        }
        Set<String> ids = new HashSet<>(jdbc.sql("""
                with recursive up as (
                    select n.id, case when n.dissolved_on is not null and n.dissolved_on <= :today
                                           and n.successor_id is not null then n.successor_id
                                      else %s end as parent
                    from %s n
                ), under(id) as (
                    select cast(:anchor as varchar)
                    union
                    select up.id from up join under on up.parent = under.id
                )
                select id from under""".formatted(parentToday, nodes))
                .param("anchor", anchor.get()[0]).param("today", today)
                .query(String.class).list());
        return new Jurisdiction(false, ids);
    }
}
