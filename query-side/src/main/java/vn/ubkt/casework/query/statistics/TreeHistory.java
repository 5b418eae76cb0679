package vn.ubkt.casework.query.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which committees' counters belong to a committee's figures over a period, following the tree through time
 * (DOMAIN.md): the tree as it stood on each day decides what lies under what, and a node dissolved into a
 * successor counts as that successor for every day before the dissolution. The period is cut where the
 * tree changed, and each piece gets its own set of nodes, so every counter is taken at most once.
 */
@Component
class TreeHistory {

    record Piece(LocalDate from, LocalDate to, Set<String> nodes) {
    }

    private record Link(LocalDate validFrom, long sequence, String parentId) {
    }

    private final JdbcClient jdbc;

    TreeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Piece> pieces(String committeeId, LocalDate from, LocalDate to, boolean subtree) {
        Map<String, String> successors = new HashMap<>();
        Set<LocalDate> cuts = new TreeSet<>();
        jdbc.sql("select id, successor_id, dissolved_on, established_on from committee_node").query((rs, n) -> {
            if (rs.getString(2) != null) {
                successors.put(rs.getString(1), rs.getString(2));
            }
            addCut(cuts, rs.getObject(3, LocalDate.class), from, to);
            addCut(cuts, rs.getObject(4, LocalDate.class), from, to);
            return null;
        }).list();
        Map<String, List<Link>> links = new HashMap<>();
        jdbc.sql("select node_id, valid_from, sequence, parent_id from committee_parent_link").query((rs, n) -> {
            LocalDate validFrom = rs.getObject(2, LocalDate.class);
            links.computeIfAbsent(rs.getString(1), key -> new ArrayList<>())
                    .add(new Link(validFrom, rs.getLong(3), rs.getString(4)));
            addCut(cuts, validFrom, from, to);
            return null;
        }).list();

        List<Piece> pieces = new ArrayList<>();
        LocalDate start = from;
        for (LocalDate cut : cuts) {
            pieces.add(piece(committeeId, start, cut.minusDays(1), subtree, successors, links));
            start = cut;
        }
        pieces.add(piece(committeeId, start, to, subtree, successors, links));
        return pieces;
    }

    private static void addCut(Set<LocalDate> cuts, LocalDate date, LocalDate from, LocalDate to) {
        if (date != null && date.isAfter(from) && !date.isAfter(to)) {
            cuts.add(date);
        }
    }

    private static Piece piece(String target, LocalDate from, LocalDate to, boolean subtree, Map<String, String> successors,
                               Map<String, List<Link>> links) {
        Set<String> nodes = new HashSet<>();
        for (String node : links.keySet()) {
            if (countsFor(node, target, from, subtree, successors, links)) {
                nodes.add(node);
            }
        }
        nodes.add(target);
        return new Piece(from, to, nodes);
    }

    /** Whether a node's counters of this day count for the target: it, or an ancestor, is the target or became it. */
    private static boolean countsFor(String node, String target, LocalDate day, boolean subtree,
                                     Map<String, String> successors, Map<String, List<Link>> links) {
        Set<String> seen = new HashSet<>();
        String current = node;
        while (current != null && seen.add(current)) {
            if (becomes(current, target, successors)) {
                return true;
            }
            if (!subtree) {
                return false;
            }
            current = parentOn(links.get(current), day);
        }
        return false;
    }

    private static boolean becomes(String node, String target, Map<String, String> successors) {
        Set<String> seen = new HashSet<>();
        for (String current = node; current != null && seen.add(current); current = successors.get(current)) {
            if (current.equals(target)) {
                return true;
            }
        }
        return false;
    }

    private static String parentOn(List<Link> links, LocalDate day) {
        if (links == null) {
            return null;
        }
        Link best = null;
        for (Link link : links) {
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
}
