package vn.ubkt.casework.query.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Statistics", description = "Figures per committee and period, as the commissions report them")
@RestController
class TargetsController {

    private final TargetsQuery targets;

    TargetsController(TargetsQuery targets) {
        this.targets = targets;
    }

    @Operation(summary = "Cells that did an inspection and a thematic supervision in the year, and the violation rate, against their targets")
    @GetMapping("/api/committees/{id}/targets")
    TargetsQuery.TargetsView targets(@PathVariable String id, @RequestParam int year) {
        return targets.targets(id, year);
    }
}
