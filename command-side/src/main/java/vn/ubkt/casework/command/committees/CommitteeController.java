package vn.ubkt.casework.command.committees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.command.platform.CommandSender;
import vn.ubkt.casework.command.platform.OneOf;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

@Tag(name = "Committees (commands)", description = "The organization tree: register, amend, move and dissolve nodes")
@RestController
@RequestMapping("/api/committees")
class CommitteeController {

    static final String ID_PATTERN = "[A-Za-z0-9._-]{1,100}";

    private final CommandSender commands;

    CommitteeController(CommandSender commands) {
        this.commands = commands;
    }

    record RegisterRequest(
            @Pattern(regexp = ID_PATTERN) String id,
            @NotBlank @Size(max = 300) String name,
            @NotNull @OneOf(CommitteeKind.class) String kind,
            @NotNull @OneOf(CommitteeLevel.class) String level,
            @Pattern(regexp = ID_PATTERN) String parentId,
            LocalDate establishedOn,
            @PositiveOrZero Integer votingMembers,
            @PositiveOrZero Integer partyMembers,
            @PositiveOrZero Integer cells) {
    }

    record AmendRequest(
            @Size(max = 300) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
            @PositiveOrZero Integer votingMembers,
            @PositiveOrZero Integer partyMembers,
            @PositiveOrZero Integer cells) {

        @AssertTrue(message = "give at least one of name, votingMembers, partyMembers, cells")
        boolean isAnyGiven() {
            return name != null || votingMembers != null || partyMembers != null || cells != null;
        }
    }

    record MoveRequest(@NotNull LocalDate movedOn, @NotNull @Pattern(regexp = ID_PATTERN) String parentId) {
    }

    record DissolveRequest(
            @NotNull LocalDate dissolvedOn,
            @Pattern(regexp = ID_PATTERN) String successorId,
            @NotBlank @Size(max = 2000) String reason) {
    }

    record Created(String id, long version) {
    }

    record Changed(String id, long version) {
    }

    @Operation(summary = "Register a node of the tree",
            description = "Without establishedOn the node and its parent link hold for every past date.")
    @PostMapping
    ResponseEntity<Created> register(@Valid @RequestBody RegisterRequest request) {
        CommitteeId id = request.id() == null ? CommitteeId.random() : CommitteeId.of(request.id());
        long version = commands.send(new RegisterCommittee(id, request.name(), CommitteeKind.valueOf(request.kind()),
                CommitteeLevel.valueOf(request.level()), request.parentId() == null ? null : CommitteeId.of(request.parentId()),
                request.establishedOn(), request.votingMembers(), request.partyMembers(), request.cells()));
        return ResponseEntity.created(URI.create("/api/committees/" + id)).body(new Created(id.value(), version));
    }

    @Operation(summary = "Rename a node or change its counts")
    @PatchMapping("/{id}")
    Changed amend(@PathVariable @Pattern(regexp = ID_PATTERN) String id, @Valid @RequestBody AmendRequest request) {
        long version = commands.send(new AmendCommittee(CommitteeId.of(id), request.name(), request.votingMembers(),
                request.partyMembers(), request.cells()));
        return new Changed(id, version);
    }

    @Operation(summary = "Move a node under another parent from a date")
    @PostMapping("/{id}/move")
    Changed move(@PathVariable @Pattern(regexp = ID_PATTERN) String id, @Valid @RequestBody MoveRequest request) {
        long version = commands.send(new MoveCommittee(CommitteeId.of(id), request.movedOn(), CommitteeId.of(request.parentId())));
        return new Changed(id, version);
    }

    @Operation(summary = "Dissolve a node on a date, optionally into a successor",
            description = "Open cases of the node move to the successor.")
    @PostMapping("/{id}/dissolve")
    Changed dissolve(@PathVariable @Pattern(regexp = ID_PATTERN) String id, @Valid @RequestBody DissolveRequest request) {
        long version = commands.send(new DissolveCommittee(CommitteeId.of(id), request.dissolvedOn(),
                request.successorId() == null ? null : CommitteeId.of(request.successorId()), request.reason()));
        return new Changed(id, version);
    }
}
