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
 * of its ancestors, or a successor of either (history follows successors): the cases of a district
 * dissolved into nothing stay with the province it hung under, those of a province merged into another
 * appear under the merged one.
 */
@Component
public class CommitteeScopes {

    private final JdbcClient jdbc;

    CommitteeScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Links(String parentId, String successorId) {
    }

    public Set<String> subtreeEver(String committeeId) {
        Map<String, Links> links = new HashMap<>();
        jdbc.sql("""
                select n.id, (select pl.parent_id from committee_parent_link pl where pl.node_id = n.id
                              order by pl.valid_from desc nulls last, pl.sequence desc limit 1), n.successor_id
                from committee_node n""")
                .query((rs, row) -> links.put(rs.getString(1), new Links(rs.getString(2), rs.getString(3))))
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
                if (next.parentId() != null) {
                    frontier.add(next.parentId());
                }
                if (next.successorId() != null) {
                    frontier.add(next.successorId());
                }
            }
        }
        return false;
    }
}
