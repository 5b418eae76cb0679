package vn.ubkt.casework.command.complaints;

import vn.ubkt.casework.events.complaints.WriterKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.access.vault.DenouncerIdentity;
import vn.ubkt.casework.command.complaints.ComplaintCommands.ComplaintResult;
import vn.ubkt.casework.command.access.CommandAccess;
import vn.ubkt.casework.command.platform.CommandSender;
import vn.ubkt.casework.command.platform.OneOf;
import vn.ubkt.casework.command.platform.SubjectRequest;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.complaints.ComplaintId;
import vn.ubkt.casework.events.complaints.DismissalReason;

@Tag(name = "Complaints (commands)", description = "Intake of letters: receive, accept into a denunciation case, transfer, dismiss")
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    static final String ID = "[A-Za-z0-9._-]{1,100}";

    private final CommandSender commands;
    private final CommandAccess access;

    ComplaintController(CommandSender commands, CommandAccess access) {
        this.commands = commands;
        this.access = access;
    }

    /** Confidential: its toString names nobody, so no log line or error can carry it. */
    record DenouncerRequest(@NotBlank @Size(max = 300) String name, @Size(max = 1000) String address,
                            @Size(max = 50) String phone) {

        @Override
        public String toString() {
            return "DenouncerRequest[confidential]";
        }
    }

    record ReceiveRequest(
            @NotNull @Pattern(regexp = ID) String committeeId,
            @NotNull LocalDate receivedOn,
            @NotNull Boolean anonymous,
            @Valid DenouncerRequest denouncer,
            @NotNull @Valid SubjectRequest accused,
            @NotBlank @Size(max = 20000) String content,
            @OneOf(WriterKind.class) String writerKind) {

        @AssertTrue(message = "is required unless the letter is anonymous, and must be absent when it is")
        boolean isDenouncerValid() {
            return anonymous == null || anonymous == (denouncer == null);
        }
    }

    record Created(String id, long version) {
    }

    @Operation(summary = "Record a letter received by a committee; the denouncer's identity is kept confidential")
    @PostMapping
    ResponseEntity<Created> receive(@Valid @RequestBody ReceiveRequest request) {
        access.requireMayActFor(request.committeeId(), request.accused().memberId());
        ComplaintId id = ComplaintId.random();
        DenouncerIdentity denouncer = request.denouncer() == null ? null : new DenouncerIdentity(
                request.denouncer().name().strip(), blankToNull(request.denouncer().address()),
                blankToNull(request.denouncer().phone()));
        ComplaintResult result = commands.send(new ComplaintCommands.ReceiveComplaint(id,
                CommitteeId.of(request.committeeId()), request.receivedOn(), request.anonymous(), denouncer,
                request.accused().toSubject(), request.content(),
                request.writerKind() == null ? null : WriterKind.valueOf(request.writerKind())));
        return ResponseEntity.created(URI.create("/api/complaints/" + id)).body(new Created(id.value(), result.version()));
    }

    record AcceptRequest(@NotNull LocalDate acceptedOn, @NotBlank @Size(max = 200) String planRef,
                         @NotNull LocalDate plannedFrom, @NotNull LocalDate plannedTo) {
    }

    record Accepted(String id, String caseId) {
    }

    @Operation(summary = "Accept the letter: a DENUNCIATION case is planned from it")
    @PostMapping("/{id}/accept")
    Accepted accept(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody AcceptRequest request) {
        CaseId caseId = CaseId.random();
        ComplaintResult result = commands.send(new ComplaintCommands.AcceptComplaint(ComplaintId.of(id),
                request.acceptedOn(), request.planRef(), request.plannedFrom(), request.plannedTo(), caseId));
        return new Accepted(result.id(), result.caseId());
    }

    record TransferRequest(@NotNull LocalDate transferredOn, @NotNull @Pattern(regexp = ID) String toCommitteeId,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Send the letter to the competent committee")
    @PostMapping("/{id}/transfer")
    ComplaintResult transfer(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody TransferRequest request) {
        return commands.send(new ComplaintCommands.TransferComplaint(ComplaintId.of(id), request.transferredOn(),
                CommitteeId.of(request.toCommitteeId()), request.reason()));
    }

    record DismissRequest(@NotNull LocalDate dismissedOn, @NotNull @OneOf(DismissalReason.class) String reason,
                          @Size(max = 2000) String note) {
    }

    @Operation(summary = "Dismiss the letter with a reason")
    @PostMapping("/{id}/dismiss")
    ComplaintResult dismiss(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody DismissRequest request) {
        return commands.send(new ComplaintCommands.DismissComplaint(ComplaintId.of(id), request.dismissedOn(),
                DismissalReason.valueOf(request.reason()), request.note()));
    }

    record EraseRequest(@NotNull LocalDate erasedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Erase the denouncer's identity (its key is destroyed); the history stays as it was. "
            + "Kept for older clients: POST /{id}/identity/erase is the same")
    @PostMapping("/{id}/erase-denouncer")
    ComplaintResult erase(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody EraseRequest request) {
        return commands.send(new ComplaintCommands.EraseDenouncer(ComplaintId.of(id), request.erasedOn(), request.reason()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
