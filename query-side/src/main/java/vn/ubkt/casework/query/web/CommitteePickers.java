package vn.ubkt.casework.query.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.committeetree.TreeSnapshot;

/**
 * The options of the pages' committee pickers. On a tree of at most {@link #ALL_OPTIONS_UP_TO} standing committees,
 * every one of them. Beyond, a picker offers the few committees its page names, and the user's, and a search box
 * fetches the others by name ({@link CommitteeOptions}): with 13,669 standing committees as options of its four
 * pickers, the page that plans a case was 3.7 MB (docs/BENCHMARKS.md, "The committee pickers at national scale").
 */
@Component
public class CommitteePickers {

    /** Every standing committee is an option of each picker when there are at most this many. */
    static final int ALL_OPTIONS_UP_TO = 300;

    /** A committee as a picker offers it. */
    public record Option(String id, String name, String kind, String level) {

        static Option of(TreeSnapshot.Node node) {
            return new Option(node.id(), node.name(), node.kind().name(), node.level().name());
        }
    }

    private final CommitteeTree tree;
    private final PageAccess access;

    CommitteePickers(CommitteeTree tree, PageAccess access) {
        this.tree = tree;
        this.access = access;
    }

    /** Whether the tree is too large for every standing committee to be an option: its pickers search. */
    public boolean searched() {
        return searched(tree.snapshot().standing());
    }

    private static boolean searched(List<TreeSnapshot.Node> standing) {
        return standing.size() > ALL_OPTIONS_UP_TO;
    }

    /**
     * Every standing committee, highest level first, by name; on a large tree the committees {@code named} that stand, in
     * their order, then the user's.
     */
    public List<Option> offering(Collection<String> named) {
        TreeSnapshot snapshot = tree.snapshot();
        List<TreeSnapshot.Node> standing = snapshot.standing();
        if (!searched(standing)) {
            return standing.stream().map(Option::of).toList();
        }
        Set<String> offered = new LinkedHashSet<>(named);
        access.actor().map(Actor::committeeId).ifPresent(offered::add);
        return offered.stream().map(snapshot::node).flatMap(Optional::stream)
                .filter(node -> node.dissolvedOn() == null).map(Option::of).toList();
    }

    /**
     * For the steps of a case of this committee (the proposing, deciding and resolving bodies, a transfer's
     * committee): {@link #offering} the committee and those above it today, nearest first. On a large tree the
     * committee itself is then each single picker's first choice, where the user's was.
     */
    public List<Option> around(String committeeId) {
        TreeSnapshot snapshot = tree.snapshot();
        List<String> upward = new ArrayList<>();
        for (String id = committeeId; id != null && !upward.contains(id); id = snapshot.currentParent(id)) {
            upward.add(id);
        }
        return offering(upward);
    }
}
