package vn.ubkt.casework.query.committeetree;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the tree as it stood on a date from the nodes and their parent links on that date. A node whose
 * parent no longer stood then hangs under the parent's successor, following the chain of successors
 * (DOMAIN.md: history follows successors); with no standing successor it is shown as a root.
 */
final class TreeOnDate {

    private static final Comparator<CommitteeNodeView> ORDER;

    static {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        ORDER = Comparator.comparing((CommitteeNodeView node) -> node.level().ordinal())
                .thenComparing(node -> node.kind().ordinal())
                .thenComparing(CommitteeNodeView::name, vietnamese)
                .thenComparing(CommitteeNodeView::id);
    }

    private TreeOnDate() {
    }

    static List<CommitteeNodeView> build(List<CommitteeTreeQueries.NodeRow> rows, LocalDate on) {
        Map<String, CommitteeTreeQueries.NodeRow> byId = rows.stream()
                .collect(Collectors.toMap(CommitteeTreeQueries.NodeRow::id, Function.identity()));
        Map<String, List<CommitteeTreeQueries.NodeRow>> children = new HashMap<>();
        List<CommitteeTreeQueries.NodeRow> roots = new ArrayList<>();
        Map<String, String> attachedTo = new HashMap<>();
        for (CommitteeTreeQueries.NodeRow row : rows) {
            if (!row.standsOn(on)) {
                continue;
            }
            String parent = standingAncestorOrSuccessor(row.parentId(), byId, on);
            attachedTo.put(row.id(), parent);
            if (parent == null) {
                roots.add(row);
            } else {
                children.computeIfAbsent(parent, key -> new ArrayList<>()).add(row);
            }
        }
        return roots.stream().map(root -> view(root, attachedTo, children)).sorted(ORDER).toList();
    }

    private static String standingAncestorOrSuccessor(String parentId, Map<String, CommitteeTreeQueries.NodeRow> byId,
                                                      LocalDate on) {
        Set<String> seen = new HashSet<>();
        String candidate = parentId;
        while (candidate != null && seen.add(candidate)) {
            CommitteeTreeQueries.NodeRow parent = byId.get(candidate);
            if (parent == null) {
                return null;
            }
            if (parent.standsOn(on)) {
                return candidate;
            }
            candidate = parent.successorId();
        }
        return null;
    }

    private static CommitteeNodeView view(CommitteeTreeQueries.NodeRow row, Map<String, String> attachedTo,
                                          Map<String, List<CommitteeTreeQueries.NodeRow>> children) {
        List<CommitteeNodeView> below = children.getOrDefault(row.id(), List.of()).stream()
                .map(child -> view(child, attachedTo, children)).sorted(ORDER).toList();
        return new CommitteeNodeView(row.id(), row.name(), row.kind(), row.level(), attachedTo.get(row.id()),
                row.establishedOn(), row.dissolvedOn(), row.successorId(), row.votingMembers(), row.partyMembers(),
                row.cells(), below);
    }
}
