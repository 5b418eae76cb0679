package vn.ubkt.casework.query.statistics;

import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.query.platform.NotFoundException;

@Tag(name = "Statistics", description = "Figures per committee and period, as the commissions report them")
@RestController
class StatisticsController {

    private final StatisticsQuery statistics;
    private final CommitteeTree tree;

    StatisticsController(StatisticsQuery statistics, CommitteeTree tree) {
        this.statistics = statistics;
        this.tree = tree;
    }

    @Operation(summary = "Statistics of a committee over a period, alone (OWN) or with its subtree, by actor or by subject")
    @GetMapping("/api/committees/{id}/statistics")
    StatisticsView statistics(@PathVariable String id,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(defaultValue = "SUBTREE") Scope scope,
                              @RequestParam(defaultValue = "ACTOR") Perspective perspective) {
        check(id, from, to);
        return statistics.statistics(id, from, to, scope, perspective);
    }

    void check(String id, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        if (!tree.exists(id)) {
            throw new NotFoundException("committee", id);
        }
    }
}
