package vn.ubkt.casework.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.query.platform.NotFoundException;

@Tag(name = "Operations", description = "Read models: their position, lag and rebuilds")
@RestController
class AdminController {

    private final ProjectionAdmin admin;

    AdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Operation(summary = "Every projection with its position in the event store, its lag and its status")
    @GetMapping("/api/admin/projections")
    List<ProjectionAdmin.ProjectionView> projections() {
        return admin.list();
    }

    @Operation(summary = "Rebuild a projection from the event store beside the live one, compare, then switch (202)")
    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<?> rebuild(@PathVariable String name) {
        if (!admin.exists(name)) {
            throw new NotFoundException("projection", name);
        }
        if (!admin.rebuild(name)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "A rebuild of " + name + " is already running");
            problem.setType(URI.create("urn:ubkt:casework:problem:conflict"));
            problem.setTitle("Rebuild already running");
            problem.setProperty("currentStatus", "REBUILDING");
            problem.setProperty("allowed", List.of());
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(Map.of("name", name, "status", "REBUILDING"));
    }
}
