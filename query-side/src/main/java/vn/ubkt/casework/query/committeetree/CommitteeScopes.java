package vn.ubkt.casework.query.committeetree;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which nodes a committee's lists cover. A node belongs to committee Q's subtree when Q is the node, one
 * of the parents it ever had (or theirs), or a successor of any of them (history follows successors): a
 * commune moved from a dissolved district to the province is listed under both, the cases of a province
 * merged into another appear under the merged one. Lists show every case ever held there; the period
 * counting of statistics is exact (TreeHistory).
 */
@Component
public class CommitteeScopes {

    private final JdbcClient jdbc;

    CommitteeScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every parent the node ever had, and its successor. */
    private record Links(java.util.List<String> parents, String successorId) {
    }

    public Set<String> subtreeEver(String committeeId) {
        Map<String, Links> links = new HashMap<>();
        jdbc.sql("""
                select n.id, array_remove(array_agg(pl.parent_id), null), n.successor_id
                from committee_node n left join committee_parent_link pl on pl.node_id = n.id
                group by n.id, n.successor_id""")
                .query((rs, row) -> links.put(rs.getString(1), new Links(
                        java.util.List.of((String[]) rs.getArray(2).getArray()), rs.getString(3))))
                .list();
        Set<String> scope = new HashSet<>();
        for (String node : links.keySet()) {
            if (reaches(node, committeeId, links)) {
                scope.add(node);
            }
        }
        scope.add(committeeId);
        return scope;
    }

    /** Also the own scope: the committee and the nodes dissolved into it, directly or through others. */
    public Set<String> ownEver(String committeeId) {
        Map<String, String> successors = new HashMap<>();
        jdbc.sql("select id, successor_id from committee_node where successor_id is not null")
                .query((rs, row) -> successors.put(rs.getString(1), rs.getString(2))).list();
        Set<String> scope = new HashSet<>();
        scope.add(committeeId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, String> entry : successors.entrySet()) {
                if (scope.contains(entry.getValue()) && scope.add(entry.getKey())) {
                    grew = true;
                }
            }
        }
        return scope;
    }

    private static boolean reaches(String start, String target, Map<String, Links> links) {
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
            Links next = links.get(node);
            if (next != null) {
                frontier.addAll(next.parents());
                if (next.successorId() != null) {
                    frontier.add(next.successorId());
                }
            }
        }
        return false;
    }
}
