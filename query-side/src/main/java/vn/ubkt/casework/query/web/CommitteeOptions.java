package vn.ubkt.casework.query.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ubkt.casework.query.casedetail.SearchWords;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.committeetree.TreeSnapshot;

/**
 * A committee picker's options for what was typed in its search box, when the tree is too large for every committee
 * to be an option ({@link CommitteePickers#ALL_OPTIONS_UP_TO}): the standing committees whose name holds the words typed,
 * diacritics and case ignored, or whose id begins with them, highest level first, then by name; at most
 * {@link #AT_MOST}. Names of the tree are no secret: any signed-in user may read the tree itself.
 */
@Hidden
@UiPage
@Controller
class CommitteeOptions {

    /** The most options one answer offers: a picker is for choosing, the search box for narrowing. */
    static final int AT_MOST = 50;

    private final CommitteeTree tree;
    /**
     * The standing committees of the last snapshot asked for, their names folded and their ids in lower case once (a
     * new tree, new names), not at each keystroke.
     */
    private final AtomicReference<Folded> folded = new AtomicReference<>();

    private record Folded(TreeSnapshot snapshot, List<TreeSnapshot.Node> nodes, List<String> names, List<String> ids) {
    }

    CommitteeOptions(CommitteeTree tree) {
        this.tree = tree;
    }

    @GetMapping("/ui/committee-options")
    String options(@RequestParam(defaultValue = "") String q, Model model) {
        Folded standing = standing();
        String typed = SearchWords.fold(q.strip()).replaceAll("\\s+", " ");
        String id = q.strip().toLowerCase(java.util.Locale.ROOT);
        List<CommitteePickers.Option> matches = new java.util.ArrayList<>();
        for (int i = 0; i < standing.nodes().size() && matches.size() < AT_MOST; i++) {
            TreeSnapshot.Node node = standing.nodes().get(i);
            if (standing.names().get(i).contains(typed) || standing.ids().get(i).startsWith(id)) {
                matches.add(CommitteePickers.Option.of(node));
            }
        }
        model.addAttribute("matches", matches);
        return "fields :: options";
    }

    private Folded standing() {
        TreeSnapshot snapshot = tree.snapshot();
        Folded known = folded.get();
        if (known == null || known.snapshot() != snapshot) {
            List<TreeSnapshot.Node> nodes = snapshot.standing();
            known = new Folded(snapshot, nodes,
                    nodes.stream().map(node -> SearchWords.fold(node.name()).replaceAll("\\s+", " ")).toList(),
                    nodes.stream().map(node -> node.id().toLowerCase(java.util.Locale.ROOT)).toList());
            folded.set(known);
        }
        return known;
    }
}
