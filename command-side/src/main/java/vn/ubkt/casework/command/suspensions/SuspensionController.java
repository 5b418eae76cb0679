package vn.ubkt.casework.command.suspensions;

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
import vn.ubkt.casework.command.access.CommandAccess;
import vn.ubkt.casework.command.platform.CommandSender;
import vn.ubkt.casework.command.platform.OneOf;
import vn.ubkt.casework.command.platform.SubjectRequest;
import vn.ubkt.casework.command.suspensions.SuspensionCommands.SuspensionResult;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.suspensions.SuspensionId;
import vn.ubkt.casework.events.suspensions.SuspensionKind;

@Tag(name = "Suspensions (commands)",
        description = "Suspension of party activity (đình chỉ sinh hoạt đảng) or of committee activity: suspend, extend once, lift")
@RestController
@RequestMapping("/api/suspensions")
class SuspensionController {

    static final String ID = "[A-Za-z0-9._-]{1,100}";

    private final CommandSender commands;
    private final CommandAccess access;

    SuspensionController(CommandSender commands, CommandAccess access) {
        this.commands = commands;
        this.access = access;
    }

    record SuspendRequest(
            @NotNull @Valid SubjectRequest member,
            @NotNull @OneOf(SuspensionKind.class) String kind,
            @NotNull LocalDate suspendedOn,
            @NotNull Integer days,
            @NotBlank @Size(max = 5000) String grounds,
            @NotNull @Pattern(regexp = ID) String decidingCommitteeId,
            @NotBlank @Size(max = 200) String decisionRef,
            @Pattern(regexp = ID) String caseId) {

        @AssertTrue(message = "must be a MEMBER")
        boolean isMemberValid() {
            return member == null || "MEMBER".equals(member.type());
        }
    }

    record Suspended(String id, LocalDate endsOn) {
    }

    @Operation(summary = "Suspend a member's party activity (or committee activity) for a number of days; "
            + "422 when the days exceed the rulebook's limit, the body is not competent, or the member sits on no "
            + "committee for COMMITTEE_ACTIVITY")
    @PostMapping
    ResponseEntity<Suspended> suspend(@Valid @RequestBody SuspendRequest request) {
        Subject.Member member = (Subject.Member) request.member().toSubject();
        access.requireMayActFor(request.decidingCommitteeId(), member.memberId());
        if (request.caseId() != null) {
            access.requireCaseVisible(request.caseId());
        }
        SuspensionId id = SuspensionId.random();
        commands.send(new SuspensionCommands.SuspendMember(id, member, SuspensionKind.valueOf(request.kind()),
                request.suspendedOn(), request.days(), request.grounds(), CommitteeId.of(request.decidingCommitteeId()),
                request.decisionRef(), request.caseId() == null ? null : CaseId.of(request.caseId())));
        return ResponseEntity.created(URI.create("/api/suspensions/" + id))
                .body(new Suspended(id.value(), Suspension.lastDay(request.suspendedOn(), request.days())));
    }

    record ExtendRequest(@NotNull LocalDate extendedOn, @NotNull Integer days, @NotBlank @Size(max = 200) String decisionRef) {
    }

    @Operation(summary = "Extend the suspension (once, by at most the rulebook's days); a second extension or a longer "
            + "one is 422 naming its rule")
    @PostMapping("/{id}/extension")
    SuspensionResult extend(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody ExtendRequest request) {
        return commands.send(new SuspensionCommands.ExtendSuspension(SuspensionId.of(id), request.extendedOn(),
                request.days(), request.decisionRef()));
    }

    record LiftRequest(@NotNull LocalDate liftedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Lift the suspension before its end")
    @PostMapping("/{id}/lift")
    SuspensionResult lift(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody LiftRequest request) {
        return commands.send(new SuspensionCommands.LiftSuspension(SuspensionId.of(id), request.liftedOn(),
                request.reason()));
    }
}
