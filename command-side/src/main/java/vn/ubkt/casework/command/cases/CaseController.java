package vn.ubkt.casework.command.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.command.cases.CaseCommands.StepResult;
import vn.ubkt.casework.command.platform.CommandSender;
import vn.ubkt.casework.command.platform.OneOf;
import vn.ubkt.casework.command.platform.SubjectRequest;
import vn.ubkt.casework.events.cases.AppealChangeReason;
import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DenunciationResult;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.LegalHandling;
import vn.ubkt.casework.events.cases.Evidence;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.PostponementReason;
import vn.ubkt.casework.events.cases.TeamMember;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.command.access.CommandAccess;
import vn.ubkt.casework.events.committees.CommitteeId;

@Tag(name = "Cases (commands)", description = "Every step of an inspection, supervision or denunciation case")
@RestController
@RequestMapping("/api/cases")
class CaseController {

    static final String ID = "[A-Za-z0-9._-]{1,100}";
    private static final String BALLOT_KEYS = "REPRIMAND|WARNING|DISMISSAL|EXPULSION|DISSOLUTION|NONE";

    private final CommandSender commands;
    private final CommandAccess access;

    CaseController(CommandSender commands, CommandAccess access) {
        this.commands = commands;
        this.access = access;
    }

    record PlanRequest(
            @NotNull @OneOf(CaseType.class) String type,
            @NotNull @Pattern(regexp = ID) String committeeId,
            @NotNull @Valid SubjectRequest subject,
            @NotBlank @Size(max = 10000) String content,
            @NotBlank @Size(max = 200) String planRef,
            @NotNull LocalDate plannedOn,
            @NotNull LocalDate plannedFrom,
            @NotNull LocalDate plannedTo) {
    }

    record Created(String id, long version) {
    }

    @Operation(summary = "Plan a case (step 1)")
    @PostMapping
    ResponseEntity<Created> plan(@Valid @RequestBody PlanRequest request) {
        access.requireMayActFor(request.committeeId(), request.subject().memberId());
        CaseId id = CaseId.random();
        commands.send(new CaseCommands.PlanCase(id, CaseType.valueOf(request.type()), CommitteeId.of(request.committeeId()),
                request.subject().toSubject(), request.content(), request.planRef(), request.plannedOn(),
                request.plannedFrom(), request.plannedTo(), CaseOrigin.NONE));
        return ResponseEntity.created(URI.create("/api/cases/" + id)).body(new Created(id.value(), 0));
    }

    record TeamMemberRequest(@NotBlank @Size(max = 100) String memberId, @NotBlank @Size(max = 300) String fullName) {
    }

    record OpenRequest(
            @NotNull LocalDate openedOn,
            @NotBlank @Size(max = 200) String decisionRef,
            @NotEmpty List<@Valid @NotNull TeamMemberRequest> team,
            @NotBlank String leadMemberId) {

        @AssertTrue(message = "must be one of the team")
        boolean isLeadMemberIdValid() {
            return leadMemberId == null || team == null
                    || team.stream().anyMatch(member -> member != null && leadMemberId.equals(member.memberId()));
        }
    }

    @Operation(summary = "Open the case: decision, team and its lead (step 2)")
    @PostMapping("/{id}/open")
    StepResult open(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody OpenRequest request) {
        return commands.send(new CaseCommands.OpenCase(CaseId.of(id), request.openedOn(), request.decisionRef(),
                request.team().stream().map(m -> new TeamMember(m.memberId().strip(), m.fullName().strip())).toList(),
                request.leadMemberId()));
    }

    record ExplanationRequest(@NotNull LocalDate submittedOn, @NotBlank @Size(max = 20000) String summary) {
    }

    @Operation(summary = "Record the subject's explanation (báo cáo giải trình)")
    @PostMapping("/{id}/explanations")
    StepResult explanation(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody ExplanationRequest request) {
        return commands.send(new CaseCommands.RecordExplanation(CaseId.of(id), request.submittedOn(), request.summary()));
    }

    record EvidenceRequest(@NotBlank @Size(max = 500) String ref,
                           @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits") String sha256) {
    }

    record FindingsRequest(@NotNull LocalDate recordedOn, @NotBlank @Size(max = 20000) String summary,
                           List<@Valid @NotNull EvidenceRequest> evidence) {
    }

    @Operation(summary = "Record the team's findings with evidence references")
    @PostMapping("/{id}/findings")
    StepResult findings(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody FindingsRequest request) {
        return commands.send(new CaseCommands.RecordFindings(CaseId.of(id), request.recordedOn(), request.summary(),
                request.evidence() == null ? List.of()
                        : request.evidence().stream().map(e -> new Evidence(e.ref().strip(), e.sha256())).toList()));
    }

    record EscalationRequest(@NotBlank @Size(max = 200) String planRef, @NotNull LocalDate plannedFrom,
                             @NotNull LocalDate plannedTo) {
    }

    record ConcludeRequest(
            @NotNull LocalDate concludedOn,
            @NotBlank @Size(max = 200) String conclusionRef,
            @NotNull @OneOf(Outcome.class) String outcome,
            List<@NotNull @OneOf(ViolationCategory.class) String> violationCategories,
            LocalDate violationFrom,
            LocalDate violationTo,
            @NotNull Boolean disciplineWarranted,
            @NotBlank @Size(max = 20000) String summary,
            @OneOf(DenunciationResult.class) String denunciationResult,
            @Valid EscalationRequest escalation,
            Boolean referredToInvestigation,
            @Min(0) Long amountInViolation,
            @Min(0) Long amountRecovered) {
    }

    @Operation(summary = "Conclude (step 4); a supervision concluding SIGNS_OF_VIOLATION escalates into a new inspection")
    @PostMapping("/{id}/conclude")
    CaseCommands.ConclusionResult conclude(@PathVariable @Pattern(regexp = ID) String id,
                                           @Valid @RequestBody ConcludeRequest request) {
        CaseCommands.Escalation escalation = request.escalation() == null ? null : new CaseCommands.Escalation(
                request.escalation().planRef(), request.escalation().plannedFrom(), request.escalation().plannedTo());
        return commands.send(new CaseCommands.ConcludeCase(CaseId.of(id), request.concludedOn(), request.conclusionRef(),
                Outcome.valueOf(request.outcome()),
                request.violationCategories() == null ? List.of()
                        : request.violationCategories().stream().distinct().map(ViolationCategory::valueOf).toList(),
                request.violationFrom(), request.violationTo(), request.disciplineWarranted(), request.summary(),
                request.denunciationResult() == null ? null : DenunciationResult.valueOf(request.denunciationResult()),
                escalation, escalation == null ? null : CaseId.random(), request.referredToInvestigation(),
                request.amountInViolation(), request.amountRecovered()));
    }

    record HearingRequest(
            @NotNull LocalDate heardOn,
            @Size(max = 20000) String statement,
            @OneOf(DisciplineForm.class) String proposedForm,
            Boolean waived,
            @Size(max = 2000) String reason) {

        @AssertTrue(message = "is required unless the hearing is waived")
        boolean isStatementValid() {
            return Boolean.TRUE.equals(waived) || (statement != null && !statement.isBlank());
        }

        @AssertTrue(message = "is required when the hearing is waived")
        boolean isReasonValid() {
            return !Boolean.TRUE.equals(waived) || (reason != null && !reason.isBlank());
        }
    }

    @Operation(summary = "Hear the subject (Điều lệ art. 39(3)), or record why the hearing is waived")
    @PostMapping("/{id}/hearing")
    StepResult hearing(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody HearingRequest request) {
        if (Boolean.TRUE.equals(request.waived())) {
            return commands.send(new CaseCommands.WaiveHearing(CaseId.of(id), request.heardOn(), request.reason()));
        }
        return commands.send(new CaseCommands.HearSubject(CaseId.of(id), request.heardOn(), request.statement(),
                request.proposedForm() == null ? null : DisciplineForm.valueOf(request.proposedForm())));
    }

    record ProposalRequest(
            @NotNull LocalDate proposedOn,
            @NotNull @OneOf(DisciplineForm.class) String form,
            @NotNull @Pattern(regexp = ID) String proposingCommitteeId,
            @NotNull @Pattern(regexp = ID) String toCommitteeId,
            @NotBlank @Size(max = 20000) String reasons,
            Map<@Pattern(regexp = BALLOT_KEYS) String, @NotNull @Min(0) Integer> ballot,
            @Min(1) @Max(100000) Integer eligibleVoters) {
    }

    @Operation(summary = "Propose a form of discipline to the body that decides")
    @PostMapping("/{id}/discipline-proposals")
    StepResult propose(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody ProposalRequest request) {
        return commands.send(new CaseCommands.ProposeDiscipline(CaseId.of(id), request.proposedOn(),
                DisciplineForm.valueOf(request.form()), CommitteeId.of(request.proposingCommitteeId()),
                CommitteeId.of(request.toCommitteeId()), request.reasons(),
                request.ballot() == null ? null : ballot(request.ballot()), request.eligibleVoters()));
    }

    record DecisionRequest(
            @NotNull LocalDate decidedOn,
            @NotNull @Pattern(regexp = ID) String decidingCommitteeId,
            @NotBlank @Size(max = 200) String decisionRef,
            @NotNull @Min(1) @Max(100000) Integer eligibleVoters,
            @NotEmpty Map<@Pattern(regexp = BALLOT_KEYS) String, @NotNull @Min(0) Integer> ballot,
            @NotNull LocalDate announcedOn,
            @NotNull LocalDate effectiveOn,
            @OneOf(LegalHandling.class) String legalHandling,
            Boolean administrativeHandling) {
    }

    @Operation(summary = "Decide discipline by secret ballot: IMPOSED with the form passed, or NOT_IMPOSED with the reason")
    @PostMapping("/{id}/discipline-decisions")
    CaseCommands.DecisionResult decide(@PathVariable @Pattern(regexp = ID) String id,
                                       @Valid @RequestBody DecisionRequest request) {
        return commands.send(new CaseCommands.DecideDiscipline(CaseId.of(id), request.decidedOn(),
                CommitteeId.of(request.decidingCommitteeId()), request.decisionRef(), request.eligibleVoters(),
                ballot(request.ballot()), request.announcedOn(), request.effectiveOn(),
                request.legalHandling() == null ? null : LegalHandling.valueOf(request.legalHandling()),
                request.administrativeHandling()));
    }

    record PostponementRequest(@NotNull LocalDate postponedOn, @NotNull @OneOf(PostponementReason.class) String reason,
                               @Size(max = 2000) String note, LocalDate until) {
    }

    @Operation(summary = "Postpone the consideration of discipline (HD 08-HD/TW)",
            description = "For a reason that holds the decision back (pregnancy or childcare, inpatient treatment, missing) "
                    + "no discipline is decided before until (or at all while no until is recorded: post the postponement "
                    + "again with its end); for the other reasons the body's decision records 'not imposed — postponement'")
    @PostMapping("/{id}/postponements")
    StepResult postpone(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody PostponementRequest request) {
        return commands.send(new CaseCommands.PostponeDiscipline(CaseId.of(id), request.postponedOn(),
                PostponementReason.valueOf(request.reason()), request.note(), request.until()));
    }

    record AppealRequest(@NotNull LocalDate filedOn, @NotNull LocalDate decisionReceivedOn,
                         @NotBlank @Size(max = 20000) String grounds) {
    }

    @Operation(summary = "File the disciplined subject's appeal (within one month of receiving the decision)")
    @PostMapping("/{id}/appeals")
    StepResult appeal(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody AppealRequest request) {
        return commands.send(new CaseCommands.FileAppeal(CaseId.of(id), request.filedOn(), request.decisionReceivedOn(),
                request.grounds()));
    }

    record AppealResolutionRequest(
            @NotNull LocalDate resolvedOn,
            @NotNull @Pattern(regexp = ID) String resolvingCommitteeId,
            @NotBlank @Size(max = 200) String decisionRef,
            @NotNull @OneOf(AppealResult.class) String result,
            @OneOf(DisciplineForm.class) String newForm,
            @OneOf(AppealChangeReason.class) String changeReason) {
    }

    @Operation(summary = "Resolve the appeal by the competent higher body")
    @PostMapping("/{id}/appeal-resolutions")
    StepResult resolveAppeal(@PathVariable @Pattern(regexp = ID) String id,
                             @Valid @RequestBody AppealResolutionRequest request) {
        return commands.send(new CaseCommands.ResolveAppeal(CaseId.of(id), request.resolvedOn(),
                CommitteeId.of(request.resolvingCommitteeId()), request.decisionRef(), AppealResult.valueOf(request.result()),
                request.newForm() == null ? null : DisciplineForm.valueOf(request.newForm()),
                request.changeReason() == null ? null : AppealChangeReason.valueOf(request.changeReason())));
    }

    record TransferRequest(@NotNull LocalDate transferredOn, @NotNull @Pattern(regexp = ID) String toCommitteeId,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Transfer the case to another committee; to a higher one, a take-over")
    @PostMapping("/{id}/transfer")
    StepResult transfer(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody TransferRequest request) {
        return commands.send(new CaseCommands.TransferCase(CaseId.of(id), request.transferredOn(),
                CommitteeId.of(request.toCommitteeId()), request.reason(), null));
    }

    record WithdrawRequest(@NotNull LocalDate withdrawnOn, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Withdraw the case before its conclusion")
    @PostMapping("/{id}/withdraw")
    StepResult withdraw(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody WithdrawRequest request) {
        return commands.send(new CaseCommands.WithdrawCase(CaseId.of(id), request.withdrawnOn(), request.reason()));
    }

    record CloseRequest(@NotNull LocalDate closedOn) {
    }

    @Operation(summary = "Close the case")
    @PostMapping("/{id}/close")
    StepResult close(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody CloseRequest request) {
        return commands.send(new CaseCommands.CloseCase(CaseId.of(id), request.closedOn()));
    }

    private static CaseCommands.Ballot ballot(Map<String, Integer> given) {
        Map<DisciplineForm, Integer> votes = new EnumMap<>(DisciplineForm.class);
        given.forEach((key, count) -> {
            if (!"NONE".equals(key)) {
                votes.put(DisciplineForm.valueOf(key), count);
            }
        });
        return new CaseCommands.Ballot(votes, given.getOrDefault("NONE", 0));
    }
}
