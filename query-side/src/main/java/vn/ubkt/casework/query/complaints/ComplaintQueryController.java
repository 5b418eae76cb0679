package vn.ubkt.casework.query.complaints;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Complaints (reads)", description = "The intake register; the denouncer's identity is never served")
@RestController
class ComplaintQueryController {

    private final ComplaintQueries complaints;

    ComplaintQueryController(ComplaintQueries complaints) {
        this.complaints = complaints;
    }

    @Operation(summary = "Letters received by a committee (and the nodes under it), newest first")
    @GetMapping("/api/complaints")
    List<ComplaintView> list(@RequestParam(required = false) String committeeId,
                             @RequestParam(required = false) String status) {
        return complaints.list(committeeId, status);
    }

    @Operation(summary = "One letter")
    @GetMapping("/api/complaints/{id}")
    ComplaintView one(@PathVariable String id) {
        return complaints.one(id);
    }
}
