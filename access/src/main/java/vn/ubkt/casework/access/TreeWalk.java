package vn.ubkt.casework.access;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one statement of the jurisdiction rule, run by each side over its own copy of the tree (the command side
 * decides from its directory, the query side from its read model; neither asks the other). Both copies have a
 * node table ({@code id, kind, level, dissolved_on, successor_id}) and a parent-link table
 * ({@code node_id, sequence, valid_from, parent_id}).
 */
public final class TreeWalk {

    private final JdbcClient jdbc;
    private final String nodes;
    private final String links;

    public TreeWalk(JdbcClient jdbc, String nodeTable, String linkTable) {
        this.jdbc = jdbc;
        this.nodes = nodeTable;
        this.links = linkTable;
    }

    /** The jurisdiction of a user bound to {@code committeeId}, as the tree stands on {@code today}. */
    public Jurisdiction of(String committeeId, LocalDate today) {
        if (committeeId == null) {
            return Jurisdiction.nothing();
        }
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
