package vn.ubkt.casework.query.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.access.Actor;

@Tag(name = "Operations", description = "Read models: their position, lag and rebuilds")
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Why a letter is skipped, kept with the skip for the record. */
    record SkipRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Events a projection could not handle, and those of the same case held back behind them")
    @GetMapping("/api/admin/dead-letters")
    List<DeadLetterView> list() {
        return deadLetters.list();
    }

    @Operation(summary = "Hand the case's dead letters to the projection again, once the cause is fixed")
    @PostMapping("/api/admin/dead-letters/{id}/retry")
    DeadLetters.Outcome retry(@PathVariable String id) {
        return deadLetters.retry(id);
    }

    @Operation(summary = "Drop one dead letter for good, recording who and why; the case's later letters are retried")
    @PostMapping("/api/admin/dead-letters/{id}/skip")
    DeadLetters.Outcome skip(@PathVariable String id, @Valid @RequestBody SkipRequest request) {
        // the username recorded on events (preferred_username for a Bearer token), not the token's subject
        return deadLetters.skip(id, Actor.current().username(), request.reason());
    }
}
