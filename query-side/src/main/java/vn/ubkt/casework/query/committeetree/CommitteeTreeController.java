package vn.ubkt.casework.query.committeetree;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.query.platform.NotFoundException;

@Tag(name = "Committees (reads)", description = "The organization tree as it stood on any date")
@RestController
@RequestMapping("/api/committees")
class CommitteeTreeController {

    private final CommitteeTree tree;
    private final Clock clock;

    CommitteeTreeController(CommitteeTree tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    @Operation(summary = "The tree as it stood on a date (default today)")
    @GetMapping
    List<CommitteeNodeView> tree(@Parameter(description = "business date, yyyy-MM-dd")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        return tree.treeOn(date);
    }

    @Operation(summary = "One node with its counts, its history of moves and its predecessors")
    @GetMapping("/{id}")
    CommitteeDetailView one(@PathVariable String id) {
        TreeSnapshot snapshot = tree.snapshot();
        TreeSnapshot.Node node = snapshot.node(id).orElseThrow(() -> new NotFoundException("committee", id));
        return new CommitteeDetailView(node.id(), node.name(), node.kind(), node.level(), snapshot.currentParent(id),
                node.establishedOn(), node.dissolvedOn(), node.successorId(), node.dissolutionReason(),
                node.votingMembers(), node.partyMembers(), node.cells(),
                snapshot.linksOf(id).stream().map(link -> new CommitteeDetailView.ParentLink(link.validFrom(),
                        link.parentId(), link.parentId() == null || !snapshot.exists(link.parentId()) ? null
                                : snapshot.name(link.parentId()))).toList(),
                snapshot.predecessors(id).stream().map(p -> new CommitteeDetailView.Predecessor(p.id(), p.name(), p.kind(),
                        p.dissolvedOn())).toList(),
                node.lastSequence());
    }
}
