package vn.ubkt.casework.command.complaints;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.command.complaints.ComplaintCommands.ComplaintResult;
import vn.ubkt.casework.command.complaints.ComplaintCommands.IdentityRequestResult;
import vn.ubkt.casework.command.platform.CommandSender;
import vn.ubkt.casework.events.complaints.ComplaintId;
import vn.ubkt.casework.events.complaints.IdentityRequestId;

/**
 * The two-person reveal of a denouncer's identity (API.md "The denouncer's identity"): staff ask, a custodian who
 * did not ask approves or denies, the requester then reads it on the query side for a limited time. Who acts is
 * always the signed-in user, never a field of the body.
 */
@Tag(name = "Denouncer's identity (commands)", description = "Requests to reveal it, their approval or denial, its erasure")
@RestController
@RequestMapping("/api/complaints/{id}")
class DenouncerIdentityController {

    private final CommandSender commands;
    private final Clock clock;

    DenouncerIdentityController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record Requested(String requestId, long version) {
    }

    @Operation(summary = "Ask to see who sent the letter, saying why (STAFF); a custodian must approve it")
    @PostMapping("/identity-requests")
    ResponseEntity<Requested> request(@PathVariable @Pattern(regexp = ComplaintController.ID) String id,
                                      @Valid @RequestBody ReasonRequest request) {
        IdentityRequestId requestId = IdentityRequestId.random();
        IdentityRequestResult result = commands.send(new ComplaintCommands.RequestIdentityReveal(ComplaintId.of(id),
                requestId, Actor.current().username(), request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Requested(result.requestId(), result.version()));
    }

    @Operation(summary = "Approve a pending request (CUSTODIAN, not the requester): the requester may read the identity for a limited time")
    @PostMapping("/identity-requests/{requestId}/approve")
    IdentityRequestResult approve(@PathVariable @Pattern(regexp = ComplaintController.ID) String id,
                                  @PathVariable @Pattern(regexp = ComplaintController.ID) String requestId,
                                  @Valid @RequestBody ReasonRequest request) {
        return commands.send(new ComplaintCommands.ApproveIdentityReveal(ComplaintId.of(id),
                IdentityRequestId.of(requestId), Actor.current().username(), request.reason()));
    }

    @Operation(summary = "Deny a pending request (CUSTODIAN, not the requester)")
    @PostMapping("/identity-requests/{requestId}/deny")
    IdentityRequestResult deny(@PathVariable @Pattern(regexp = ComplaintController.ID) String id,
                               @PathVariable @Pattern(regexp = ComplaintController.ID) String requestId,
                               @Valid @RequestBody ReasonRequest request) {
        return commands.send(new ComplaintCommands.DenyIdentityReveal(ComplaintId.of(id),
                IdentityRequestId.of(requestId), Actor.current().username(), request.reason()));
    }

    record EraseRequest(LocalDate erasedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Erase the denouncer's identity (CUSTODIAN): its key is destroyed, afterwards it answers 410; "
            + "erasedOn defaults to today")
    @PostMapping("/identity/erase")
    ComplaintResult erase(@PathVariable @Pattern(regexp = ComplaintController.ID) String id,
                          @Valid @RequestBody EraseRequest request) {
        LocalDate erasedOn = request.erasedOn() == null ? LocalDate.now(clock) : request.erasedOn();
        return commands.send(new ComplaintCommands.EraseDenouncer(ComplaintId.of(id), erasedOn, request.reason()));
    }
}
