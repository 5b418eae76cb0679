package vn.ubkt.casework.query.statistics;

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
                              @RequestParam(defaultValue = "SUBTREE") String scope,
                              @RequestParam(defaultValue = "ACTOR") String perspective) {
        check(id, from, to, scope, perspective);
        return statistics.statistics(id, from, to, scope, perspective);
    }

    void check(String id, LocalDate from, LocalDate to, String scope, String perspective) {
        if (!scope.equals("OWN") && !scope.equals("SUBTREE")) {
            throw new IllegalArgumentException("scope must be OWN or SUBTREE");
        }
        if (!perspective.equals("ACTOR") && !perspective.equals("SUBJECT")) {
            throw new IllegalArgumentException("perspective must be ACTOR or SUBJECT");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        if (!tree.exists(id)) {
            throw new NotFoundException("committee", id);
        }
    }
}
