package vn.ubkt.casework.command.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.ubkt.casework.command.cases.CaseRules.notBefore;
import static vn.ubkt.casework.command.cases.CaseRules.notInFuture;
import static vn.ubkt.casework.command.cases.CaseRules.refuse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ubkt.casework.command.cases.CaseCommands.AddAttachment;
import vn.ubkt.casework.command.cases.CaseCommands.AttachmentResult;
import vn.ubkt.casework.command.cases.CaseCommands.CloseCase;
import vn.ubkt.casework.command.cases.CaseCommands.DocumentResult;
import vn.ubkt.casework.command.cases.CaseCommands.FinalResult;
import vn.ubkt.casework.command.cases.CaseCommands.FinalizeDocument;
import vn.ubkt.casework.command.cases.CaseCommands.IssueDocument;
import vn.ubkt.casework.command.cases.CaseCommands.ConcludeCase;
import vn.ubkt.casework.command.cases.CaseCommands.ConclusionResult;
import vn.ubkt.casework.command.cases.CaseCommands.DecideDiscipline;
import vn.ubkt.casework.command.cases.CaseCommands.DecisionResult;
import vn.ubkt.casework.command.cases.CaseCommands.FileAppeal;
import vn.ubkt.casework.command.cases.CaseCommands.HearSubject;
import vn.ubkt.casework.command.cases.CaseCommands.OpenCase;
import vn.ubkt.casework.command.cases.CaseCommands.PlanCase;
import vn.ubkt.casework.command.cases.CaseCommands.PostponeDiscipline;
import vn.ubkt.casework.command.cases.CaseCommands.ProposeDiscipline;
import vn.ubkt.casework.command.cases.CaseCommands.RecordExplanation;
import vn.ubkt.casework.command.cases.CaseCommands.RecordFindings;
import vn.ubkt.casework.command.cases.CaseCommands.ResolveAppeal;
import vn.ubkt.casework.command.cases.CaseCommands.StepResult;
import vn.ubkt.casework.command.cases.CaseCommands.TransferCase;
import vn.ubkt.casework.command.cases.CaseCommands.WaiveHearing;
import vn.ubkt.casework.command.cases.CaseCommands.WithdrawCase;
import vn.ubkt.casework.command.platform.ConflictException;
import vn.ubkt.casework.command.platform.LockUntilCommit;
import vn.ubkt.casework.command.rules.AppealResolution;
import vn.ubkt.casework.command.rules.BallotCount;
import vn.ubkt.casework.command.rules.Competence;
import vn.ubkt.casework.command.rules.EffectiveDate;
import vn.ubkt.casework.command.rules.Rulebook;
import vn.ubkt.casework.command.rules.RulebookVersion;
import vn.ubkt.casework.command.rules.TimeLimit;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.command.rules.WorkingDays;
import vn.ubkt.casework.events.cases.AppealFiled;
import vn.ubkt.casework.events.cases.AttachmentAdded;
import vn.ubkt.casework.events.cases.DocumentFinalized;
import vn.ubkt.casework.events.cases.DocumentIssued;
import vn.ubkt.casework.events.cases.DocumentKind;
import vn.ubkt.casework.events.cases.AppealResolved;
import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.CaseClosed;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseEscalated;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseTransferred;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.CaseWithdrawn;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.DisciplineNotImposed;
import vn.ubkt.casework.events.cases.DisciplinePostponed;
import vn.ubkt.casework.events.cases.DisciplineProposed;
import vn.ubkt.casework.events.cases.ExplanationRecorded;
import vn.ubkt.casework.events.cases.FindingsRecorded;
import vn.ubkt.casework.events.cases.HearingWaived;
import vn.ubkt.casework.events.cases.NotImposedReason;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.PostponementReason;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.cases.SubjectHeard;
import vn.ubkt.casework.events.cases.TeamMember;
import vn.ubkt.casework.events.cases.TransferCause;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * One inspection, supervision or denunciation case, from plan to close (DOMAIN.md "Lifecycle"). Each handler
 * passes the status guard, then the rules of its step (judged by the rulebook version in force on the
 * step's business date, with the tree as it stood that day), then applies its events. The event sourcing
 * handlers only assign.
 */
@Aggregate(lockFactory = LockUntilCommit.BEAN)
class InspectionCase {

    @AggregateIdentifier
    private CaseId id;
    private CaseType type;
    private CommitteeId committeeId;
    private Subject subject;
    private CaseStatus status;
    private long version;
    private LocalDate lastStepOn;
    private LocalDate concludedOn;
    private List<ViolationCategory> categories = List.of();
    private LocalDate violationTo;
    private boolean disciplineWarranted;
    private boolean heard;
    private DisciplineForm formInForce;
    private CommitteeId decidingCommitteeId;
    private LocalDate decidedOn;
    private PostponementReason postponedFor;
    private LocalDate postponedUntil;
    /** The documents whose step the case has reached (OUTPUTS.md "The documents of a case"). */
    private java.util.Set<DocumentKind> reached = java.util.EnumSet.noneOf(DocumentKind.class);
    private CommitteeId appealResolvedBy;
    /** Each document of the case file, with the number of signed versions uploaded. */
    private Map<String, Integer> documents = new java.util.HashMap<>();
    private java.util.Set<String> attachments = new java.util.HashSet<>();

    protected InspectionCase() {
        // for Axon
    }

    @CommandHandler
    InspectionCase(PlanCase command, Rulebook rulebook, TreeView tree, Clock clock) {
        RulebookVersion rules = rulebook.inForceOn(command.plannedOn());
        LocalDate today = LocalDate.now(clock);
        notInFuture(rules, command.plannedOn(), today, "plannedOn");
        notBefore(rules, command.plannedTo(), command.plannedFrom(), "plannedTo", "plannedFrom");
        CaseRules.standingCommittee(rules, tree, command.committeeId(), command.plannedOn(), "committeeId");
        subjectIsKnown(rules, tree, command.subject(), command.plannedOn());
        List<Deadline> deadlines = new ArrayList<>();
        if (command.type() == CaseType.DENUNCIATION) {
            deadlines.add(new Deadline(Deadline.Kind.DENUNCIATION_RESOLUTION,
                    WorkingDays.after(command.plannedOn(), rules.deadlines().denunciationWorkingDays(), rulebook.holidays()),
                    "R-DEADLINES", rules.id()));
        }
        apply(new CasePlanned(command.caseId(), command.type(), command.committeeId(), command.subject(),
                command.content().strip(), command.planRef().strip(), command.plannedOn(), command.plannedFrom(),
                command.plannedTo(), command.origin(), deadlines));
    }

    private static void subjectIsKnown(RulebookVersion rules, TreeView tree, Subject subject, LocalDate date) {
        if (tree.node(subject.organizationId()).isEmpty()) {
            throw refuse(rules, "TREE-STANDING", "subject.organizationId", "committee.unknown", subject.organizationId());
        }
        if (subject instanceof Subject.Member member) {
            for (CommitteeId seat : member.committeeMemberOf()) {
                if (tree.node(seat).isEmpty()) {
                    throw refuse(rules, "TREE-STANDING", "subject.committeeMemberOf", "committee.unknown", seat);
                }
            }
            if (member.managedByCommitteeId() != null && tree.node(member.managedByCommitteeId()).isEmpty()) {
                throw refuse(rules, "TREE-STANDING", "subject.managedByCommitteeId", "committee.unknown",
                        member.managedByCommitteeId());
            }
        }
    }

    @CommandHandler
    StepResult handle(OpenCase command, Rulebook rulebook, Clock clock) {
        status.require(CaseStep.OPEN, id);
        RulebookVersion rules = rulebook.inForceOn(command.openedOn());
        datesInOrder(rules, command.openedOn(), "openedOn", clock);
        if (subject instanceof Subject.Member member
                && command.team().stream().anyMatch(t -> t.memberId().equals(member.memberId()))) {
            throw refuse(rules, "R-DUTIES", "team", "duties.subjectOnTeam", member.memberId());
        }
        apply(new CaseOpened(id, command.openedOn(), command.decisionRef().strip(), command.team(),
                command.leadMemberId()));
        return result();
    }

    @CommandHandler
    StepResult handle(RecordExplanation command, Rulebook rulebook, Clock clock) {
        status.require(CaseStep.RECORD_EXPLANATION, id);
        datesInOrder(rulebook.inForceOn(command.submittedOn()), command.submittedOn(), "submittedOn", clock);
        apply(new ExplanationRecorded(id, command.submittedOn(), command.summary().strip()));
        return result();
    }

    @CommandHandler
    StepResult handle(RecordFindings command, Rulebook rulebook, Clock clock) {
        status.require(CaseStep.RECORD_FINDINGS, id);
        datesInOrder(rulebook.inForceOn(command.recordedOn()), command.recordedOn(), "recordedOn", clock);
        apply(new FindingsRecorded(id, command.recordedOn(), command.summary().strip(), command.evidence()));
        return result();
    }

    @CommandHandler
    ConclusionResult handle(ConcludeCase command, Rulebook rulebook, Clock clock) {
        status.require(CaseStep.CONCLUDE, id);
        RulebookVersion rules = rulebook.inForceOn(command.concludedOn());
        datesInOrder(rules, command.concludedOn(), "concludedOn", clock);
        notBefore(rules, command.violationTo(), command.violationFrom(), "violationTo", "violationFrom");
        if (command.violationTo() != null && command.violationTo().isAfter(command.concludedOn())) {
            throw refuse(rules, "R-DATES", "violationTo", "dates.violationAfterConclusion", command.violationTo(),
                    command.concludedOn());
        }
        boolean supervision = type.group() == CaseType.Group.SUPERVISION;
        if (command.outcome() == Outcome.SIGNS_OF_VIOLATION && !supervision) {
            throw refuse(rules, "R-OUTCOME", "outcome", "outcome.signsOnlySupervision", type);
        }
        if (command.outcome() == Outcome.SIGNS_OF_VIOLATION && command.escalation() == null) {
            throw refuse(rules, "R-OUTCOME", "escalation", "outcome.escalationRequired");
        }
        if (command.outcome() != Outcome.SIGNS_OF_VIOLATION && command.escalation() != null) {
            throw refuse(rules, "R-OUTCOME", "escalation", "outcome.escalationOnlyForSigns");
        }
        if (command.outcome() == Outcome.VIOLATION && command.violationCategories().isEmpty()) {
            throw refuse(rules, "R-OUTCOME", "violationCategories", "outcome.categoriesRequired");
        }
        if (command.disciplineWarranted() && command.outcome() != Outcome.VIOLATION) {
            throw refuse(rules, "R-OUTCOME", "disciplineWarranted", "outcome.disciplineNeedsViolation", command.outcome());
        }
        if ((type == CaseType.DENUNCIATION) != (command.denunciationResult() != null)) {
            throw refuse(rules, "R-OUTCOME", "denunciationResult",
                    type == CaseType.DENUNCIATION ? "outcome.denunciationResultRequired" : "outcome.denunciationResultOnly");
        }
        apply(new CaseConcluded(id, command.concludedOn(), command.conclusionRef().strip(), command.outcome(),
                command.violationCategories(), command.violationFrom(), command.violationTo(),
                command.disciplineWarranted(), command.summary().strip(), command.denunciationResult(),
                command.referredToInvestigation(), command.amountInViolation(), command.amountRecovered()));
        String escalated = null;
        if (command.outcome() == Outcome.SIGNS_OF_VIOLATION) {
            CaseCommands.Escalation escalation = command.escalation();
            notBefore(rules, escalation.plannedTo(), escalation.plannedFrom(), "escalation.plannedTo", "escalation.plannedFrom");
            CaseId inspection = command.escalatedCaseId();
            CasePlanned planned = new CasePlanned(inspection, CaseType.INSPECTION_SIGNS_OF_VIOLATION, committeeId,
                    subject, command.summary().strip(), escalation.planRef().strip(), command.concludedOn(),
                    escalation.plannedFrom(), escalation.plannedTo(), CaseOrigin.supervision(id), List.of());
            apply(new CaseEscalated(id, command.concludedOn(), inspection));
            try {
                AggregateLifecycle.createNew(InspectionCase.class, () -> new InspectionCase(planned));
            } catch (Exception e) {
                throw new IllegalStateException("could not plan the escalated inspection", e);
            }
            escalated = inspection.value();
        }
        return new ConclusionResult(id.value(), status.name(), version, escalated);
    }

    /** The escalated inspection is planned from facts this case already checked. */
    private InspectionCase(CasePlanned planned) {
        apply(planned);
    }

    @CommandHandler
    StepResult handle(HearSubject command, Rulebook rulebook, Clock clock) {
        status.require(CaseStep.HEAR, id);
        RulebookVersion rules = rulebook.inForceOn(command.heardOn());
        datesInOrder(rules, command.heardOn(), "heardOn", clock);
        if (command.proposedForm() != null) {
            CaseRules.formFits(rules, subject, command.proposedForm(), "proposedForm");
        }
        apply(new SubjectHeard(id, command.heardOn(), command.statement().strip(), command.proposedForm()));
        return result();
    }

    @CommandHandler
    StepResult handle(WaiveHearing command, Rulebook rulebook, Clock clock) {
        status.require(CaseStep.HEAR, id);
        datesInOrder(rulebook.inForceOn(command.heardOn()), command.heardOn(), "heardOn", clock);
        apply(new HearingWaived(id, command.heardOn(), command.reason().strip()));
        return result();
    }

    @CommandHandler
    StepResult handle(ProposeDiscipline command, Rulebook rulebook, TreeView tree, Clock clock) {
        status.require(CaseStep.PROPOSE_DISCIPLINE, id);
        requireDisciplineWarranted();
        RulebookVersion rules = rulebook.inForceOn(command.proposedOn());
        datesInOrder(rules, command.proposedOn(), "proposedOn", clock);
        CaseRules.formFits(rules, subject, command.form(), "form");
        TreeView.Node proposing = CaseRules.standingCommittee(rules, tree, command.proposingCommitteeId(),
                command.proposedOn(), "proposingCommitteeId");
        CaseRules.standingCommittee(rules, tree, command.toCommitteeId(), command.proposedOn(), "toCommitteeId");
        if (Competence.grant(rules, command.toCommitteeId(), subject, command.form(), command.proposedOn(), tree).isEmpty()) {
            throw refuse(rules, "R-COMPETENCE", "toCommitteeId", "competence.proposal", command.toCommitteeId(),
                    command.form(), Competence.formsWithin(rules, command.toCommitteeId(), subject, command.proposedOn(), tree));
        }
        if (command.ballot() == null && command.form() == DisciplineForm.EXPULSION) {
            throw refuse(rules, "R-BALLOT", "ballot", "ballot.expulsionNeedsBallot");
        }
        if (command.ballot() != null) {
            int eligible = command.eligibleVoters() != null ? command.eligibleVoters()
                    : proposing.votingMembers() == null ? command.ballot().total() : proposing.votingMembers();
            CaseRules.ballotIsCoherent(rules, command.ballot(), eligible, proposing.votingMembers(), "ballot");
            DisciplineForm passed = BallotCount.passedForm(command.ballot().votes(), eligible, rules.ballot());
            if (passed != command.form()) {
                throw refuse(rules, "R-BALLOT", "ballot", "ballot.proposalNotPassed", command.form(),
                        passed == null ? "-" : passed, eligible);
            }
        }
        apply(new DisciplineProposed(id, command.proposedOn(), command.form(), command.proposingCommitteeId(),
                command.toCommitteeId(), command.reasons().strip(),
                command.ballot() == null ? Map.of() : command.ballot().asRecorded(), rules.id()));
        return result();
    }

    @CommandHandler
    DecisionResult handle(DecideDiscipline command, Rulebook rulebook, TreeView tree, Clock clock) {
        RulebookVersion rules = rulebook.inForceOn(command.decidedOn());
        if (status == CaseStatus.DECIDED || status == CaseStatus.APPEALED) {
            throw refuse(rules, "R-ONCE", null, "once.alreadyDecided", id, formInForce == null ? "-" : formInForce);
        }
        status.require(CaseStep.DECIDE_DISCIPLINE, id);
        requireDisciplineWarranted();
        datesInOrder(rules, command.decidedOn(), "decidedOn", clock);
        LocalDate today = LocalDate.now(clock);
        notBefore(rules, command.announcedOn(), command.decidedOn(), "announcedOn", "decidedOn");
        notBefore(rules, command.effectiveOn(), command.decidedOn(), "effectiveOn", "decidedOn");
        notInFuture(rules, command.announcedOn(), today, "announcedOn");
        notInFuture(rules, command.effectiveOn(), today, "effectiveOn");
        if (!heard) {
            throw refuse(rules, "R-HEARD", null, "heard.notHeard", id);
        }
        if (Postponements.holds(rules, postponedFor, postponedUntil, command.decidedOn())) {
            throw refuse(rules, "R-POSTPONEMENT", "decidedOn", "postponement.holds", postponedFor,
                    postponedUntil == null ? "-" : postponedUntil);
        }
        TreeView.Node body = CaseRules.standingCommittee(rules, tree, command.decidingCommitteeId(),
                command.decidedOn(), "decidingCommitteeId");
        EffectiveDate.check(rules, body.kind(), command.decidedOn(), command.effectiveOn());
        for (DisciplineForm form : command.ballot().votes().keySet()) {
            CaseRules.formFits(rules, subject, form, "ballot." + form);
        }
        CaseRules.ballotIsCoherent(rules, command.ballot(), command.eligibleVoters(), body.votingMembers(), "ballot");
        DisciplineForm passed = BallotCount.passedForm(command.ballot().votes(), command.eligibleVoters(), rules.ballot());
        Map<String, Integer> recorded = command.ballot().asRecorded();
        if (passed == null) {
            apply(new DisciplineNotImposed(id, command.decidedOn(), command.decidingCommitteeId(),
                    command.decisionRef().strip(), command.eligibleVoters(), recorded, null,
                    NotImposedReason.NO_FORM_PASSED, rules.id()));
            return decision("NOT_IMPOSED", null, NotImposedReason.NO_FORM_PASSED);
        }
        competent(rules, tree, command.decidingCommitteeId(), passed, command.decidedOn(), "decidingCommitteeId");
        if (Postponements.notImposed(rules, postponedFor)) {
            apply(new DisciplineNotImposed(id, command.decidedOn(), command.decidingCommitteeId(),
                    command.decisionRef().strip(), command.eligibleVoters(), recorded, passed,
                    NotImposedReason.POSTPONEMENT_CASE, rules.id()));
            return decision("NOT_IMPOSED", passed, NotImposedReason.POSTPONEMENT_CASE);
        }
        if (TimeLimit.expired(passed, subject instanceof Subject.Organization, categories, violationTo, concludedOn,
                rules.limitation())) {
            apply(new DisciplineNotImposed(id, command.decidedOn(), command.decidingCommitteeId(),
                    command.decisionRef().strip(), command.eligibleVoters(), recorded, passed,
                    NotImposedReason.TIME_LIMIT_EXPIRED, rules.id()));
            return decision("NOT_IMPOSED", passed, NotImposedReason.TIME_LIMIT_EXPIRED);
        }
        Deadline appealWindow = new Deadline(Deadline.Kind.APPEAL_WINDOW,
                command.announcedOn().plusMonths(rules.deadlines().appealWindowMonths()), "R-APPEAL", rules.id());
        apply(new DisciplineDecided(id, command.decidedOn(), command.decidingCommitteeId(), command.decisionRef().strip(),
                command.eligibleVoters(), recorded, passed, command.announcedOn(), command.effectiveOn(), rules.id(),
                List.of(appealWindow), command.legalHandling(), command.administrativeHandling()));
        return decision("IMPOSED", passed, null);
    }

    private void competent(RulebookVersion rules, TreeView tree, CommitteeId body, DisciplineForm form, LocalDate date,
                           String field) {
        if (!Competence.mayDecideAtAll(tree.node(body).orElseThrow().kind())
                || Competence.grant(rules, body, subject, form, date, tree).isEmpty()) {
            throw refuse(rules, "R-COMPETENCE", field, "competence.decision", body, form,
                    Competence.formsWithin(rules, body, subject, date, tree));
        }
        if (form == DisciplineForm.DISMISSAL) {
            var required = Competence.dismissalBodyOrganization(rules, subject, date, tree);
            // above a provincial committee the standing body is the Politburo (or the Secretariat)
            var kind = tree.node(body).orElseThrow().kind();
            boolean standingBody = kind == vn.ubkt.casework.events.committees.CommitteeKind.STANDING_COMMITTEE
                    || kind == vn.ubkt.casework.events.committees.CommitteeKind.POLITBURO
                    || kind == vn.ubkt.casework.events.committees.CommitteeKind.SECRETARIAT;
            boolean standingAbove = standingBody
                    && required.filter(org -> org.equals(tree.organizationOf(body, date))).isPresent();
            if (required.isPresent() && !standingAbove) {
                throw refuse(rules, "R-COMPETENCE", field, "competence.dismissalOfCommitteeMember", body, required.get());
            }
        }
    }

    @CommandHandler
    StepResult handle(PostponeDiscipline command, Rulebook rulebook, Clock clock) {
        status.require(CaseStep.POSTPONE, id);
        requireDisciplineWarranted();
        RulebookVersion rules = rulebook.inForceOn(command.postponedOn());
        datesInOrder(rules, command.postponedOn(), "postponedOn", clock);
        notBefore(rules, command.until(), command.postponedOn(), "until", "postponedOn");
        apply(new DisciplinePostponed(id, command.postponedOn(), command.reason(), command.note(), command.until()));
        return result();
    }

    @CommandHandler
    StepResult handle(FileAppeal command, Rulebook rulebook, TreeView tree, Clock clock) {
        status.require(CaseStep.APPEAL, id);
        RulebookVersion rules = rulebook.inForceOn(command.filedOn());
        if (formInForce == null) {
            throw new ConflictException("case.nothingInForce", status.name(), List.of(CaseStep.CLOSE.name()), id);
        }
        LocalDate today = LocalDate.now(clock);
        notInFuture(rules, command.decisionReceivedOn(), today, "decisionReceivedOn");
        notBefore(rules, command.decisionReceivedOn(), decidedOn, "decisionReceivedOn", "decidedOn");
        datesInOrder(rules, command.filedOn(), "filedOn", clock);
        notBefore(rules, command.filedOn(), command.decisionReceivedOn(), "filedOn", "decisionReceivedOn");
        LocalDate lastDay = command.decisionReceivedOn().plusMonths(rules.deadlines().appealWindowMonths());
        if (command.filedOn().isAfter(lastDay)) {
            throw refuse(rules, "R-APPEAL", "filedOn", "appeal.late", command.filedOn(), command.decisionReceivedOn(), lastDay);
        }
        int days = AppealResolution.workingDays(rules, tree, decidingCommitteeId, decidedOn);
        apply(new AppealFiled(id, command.filedOn(), command.decisionReceivedOn(), command.grounds().strip(),
                List.of(new Deadline(Deadline.Kind.APPEAL_RESOLUTION, WorkingDays.after(command.filedOn(), days, rulebook.holidays()),
                        "R-DEADLINES", rules.id()))));
        return result();
    }

    @CommandHandler
    StepResult handle(ResolveAppeal command, Rulebook rulebook, TreeView tree, Clock clock) {
        status.require(CaseStep.RESOLVE_APPEAL, id);
        RulebookVersion rules = rulebook.inForceOn(command.resolvedOn());
        datesInOrder(rules, command.resolvedOn(), "resolvedOn", clock);
        CaseRules.standingCommittee(rules, tree, command.resolvingCommitteeId(), command.resolvedOn(), "resolvingCommitteeId");
        if (command.resolvingCommitteeId().equals(decidingCommitteeId)) {
            throw refuse(rules, "R-DUTIES", "resolvingCommitteeId", "duties.sameBody", decidingCommitteeId);
        }
        if (!isAboveDecidingBody(command.resolvingCommitteeId(), command.resolvedOn(), tree)) {
            throw refuse(rules, "R-APPEAL", "resolvingCommitteeId", "appeal.notAbove", command.resolvingCommitteeId(),
                    decidingCommitteeId);
        }
        DisciplineForm newForm = switch (command.result()) {
            case UPHELD -> formInForce;
            case ANNULLED -> null;
            case FORM_REDUCED, FORM_INCREASED -> command.newForm();
        };
        if (command.result() == AppealResult.FORM_REDUCED || command.result() == AppealResult.FORM_INCREASED) {
            if (newForm == null) {
                throw refuse(rules, "R-APPEAL", "newForm", "appeal.newFormRequired", command.result());
            }
            CaseRules.formFits(rules, subject, newForm, "newForm");
            boolean lighter = newForm.weight() < formInForce.weight();
            if (command.result() == AppealResult.FORM_REDUCED != lighter || newForm == formInForce) {
                throw refuse(rules, "R-APPEAL", "newForm", "appeal.formDirection", command.result(), newForm, formInForce);
            }
            if (command.result() == AppealResult.FORM_INCREASED) {
                competent(rules, tree, command.resolvingCommitteeId(), newForm, command.resolvedOn(), "newForm");
            }
        } else if (command.newForm() != null && command.newForm() != newForm) {
            throw refuse(rules, "R-APPEAL", "newForm", "appeal.newFormNotExpected", command.result(), command.newForm());
        }
        apply(new AppealResolved(id, command.resolvedOn(), command.resolvingCommitteeId(), command.decisionRef().strip(),
                command.result(), formInForce, newForm, rules.id(), command.changeReason()));
        return result();
    }

    /**
     * R-APPEAL: the body above the deciding body is a body acting for an organization above the deciding body's
     * organization, or the committee that elected the deciding standing committee or inspection commission.
     */
    private boolean isAboveDecidingBody(CommitteeId resolving, LocalDate date, TreeView tree) {
        CommitteeId decidingOrganization = tree.organizationOf(decidingCommitteeId, date);
        CommitteeId resolvingOrganization = tree.organizationOf(resolving, date);
        if (tree.ancestorsOn(decidingOrganization, date).contains(resolvingOrganization)) {
            return true;
        }
        boolean decidedByElectedBody = tree.node(decidingCommitteeId).map(n -> n.kind().isElectedBody()).orElse(false);
        return decidedByElectedBody && resolving.equals(decidingOrganization);
    }

    @CommandHandler
    StepResult handle(TransferCase command, Rulebook rulebook, TreeView tree, Clock clock) {
        status.require(CaseStep.TRANSFER, id);
        RulebookVersion rules = rulebook.inForceOn(command.transferredOn());
        if (command.cause() == TransferCause.DISSOLUTION) {
            notInFuture(rules, command.transferredOn(), LocalDate.now(clock), "transferredOn");
        } else {
            datesInOrder(rules, command.transferredOn(), "transferredOn", clock);
        }
        CaseRules.standingCommittee(rules, tree, command.toCommitteeId(), command.transferredOn(), "toCommitteeId");
        if (command.toCommitteeId().equals(committeeId)) {
            throw new ConflictException("case.alreadyThere", status.name(), List.of(), id, committeeId);
        }
        TransferCause cause = command.cause() != null ? command.cause()
                : tree.ancestorsOn(tree.organizationOf(committeeId, command.transferredOn()), command.transferredOn())
                        .contains(tree.organizationOf(command.toCommitteeId(), command.transferredOn()))
                        ? TransferCause.TAKE_OVER : TransferCause.TRANSFER;
        apply(new CaseTransferred(id, command.transferredOn(), committeeId, command.toCommitteeId(),
                command.reason().strip(), cause));
        return result();
    }

    @CommandHandler
    StepResult handle(WithdrawCase command, Rulebook rulebook, Clock clock) {
        status.require(CaseStep.WITHDRAW, id);
        datesInOrder(rulebook.inForceOn(command.withdrawnOn()), command.withdrawnOn(), "withdrawnOn", clock);
        apply(new CaseWithdrawn(id, command.withdrawnOn(), command.reason().strip()));
        return result();
    }

    @CommandHandler
    StepResult handle(CloseCase command, Rulebook rulebook, Clock clock) {
        status.require(CaseStep.CLOSE, id);
        if (status == CaseStatus.CONCLUDED && disciplineWarranted) {
            throw new ConflictException("case.disciplinePending", status.name(),
                    List.of(CaseStep.HEAR.name(), CaseStep.PROPOSE_DISCIPLINE.name(), CaseStep.DECIDE_DISCIPLINE.name()), id);
        }
        datesInOrder(rulebook.inForceOn(command.closedOn()), command.closedOn(), "closedOn", clock);
        apply(new CaseClosed(id, command.closedOn()));
        return result();
    }

    private void requireDisciplineWarranted() {
        if (!disciplineWarranted) {
            throw new ConflictException("case.disciplineNotWarranted", status.name(),
                    status.allowedSteps().stream().filter(step -> step != CaseStep.PROPOSE_DISCIPLINE
                            && step != CaseStep.DECIDE_DISCIPLINE && step != CaseStep.POSTPONE).map(Enum::name).toList(), id);
        }
    }

    /** R-DATES: not in the future, and not before the case's previous step. */
    private void datesInOrder(RulebookVersion rules, LocalDate date, String field, Clock clock) {
        notInFuture(rules, date, LocalDate.now(clock), field);
        notBefore(rules, date, lastStepOn, field, "lastStepOn");
    }

    private StepResult result() {
        return new StepResult(id.value(), status.name(), version);
    }

    private DecisionResult decision(String outcomeName, DisciplineForm form, NotImposedReason reason) {
        return new DecisionResult(id.value(), status.name(), version, outcomeName, form,
                reason == null ? null : reason.name());
    }

    /**
     * Drafts the document of a step the case has reached and gives it the next number of its issuing body's
     * sequence (or records the number of a document issued outside the product). Documents and evidence may be
     * added in any status, a closed case included: the file is the archive.
     */
    @CommandHandler
    DocumentResult handle(IssueDocument command, Rulebook rulebook, TreeView tree, DocumentNumbers numbers, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate issuedOn = command.issuedOn() == null ? today : command.issuedOn();
        RulebookVersion rules = rulebook.inForceOn(issuedOn);
        notInFuture(rules, issuedOn, today, "issuedOn");
        if (!reached.contains(command.kind())) {
            throw refuse(rules, "R-CASEFILE", "kind", "casefile.stepNotReached", command.kind(), id);
        }
        if (documents.containsKey(command.documentId())) {
            throw new ConflictException("case.documentExists", status.name(), List.of(), command.documentId());
        }
        CommitteeId issuer = switch (command.kind()) {
            case DISCIPLINE_DECISION, BALLOT_RECORD -> decidingCommitteeId;
            case APPEAL_DECISION -> appealResolvedBy;
            default -> committeeId;
        };
        List<String> bases = numbers.bases(command.kind(), rules);
        String externalNumber = command.externalNumber() == null || command.externalNumber().isBlank() ? null
                : command.externalNumber().strip();
        DocumentIssued issued;
        if (externalNumber != null) {
            issued = new DocumentIssued(id, command.documentId(), command.kind(), issuedOn, issuer, externalNumber,
                    null, numbers.termOn(issuedOn), true, bases, rules.id());
        } else if (!command.kind().numbered()) {
            issued = new DocumentIssued(id, command.documentId(), command.kind(), issuedOn, issuer, null, null,
                    numbers.termOn(issuedOn), false, bases, rules.id());
        } else {
            DocumentNumbers.Number number = numbers.next(issuer, command.kind(), issuedOn, tree);
            issued = new DocumentIssued(id, command.documentId(), command.kind(), issuedOn, issuer, number.number(),
                    number.serial(), number.term(), false, bases, rules.id());
        }
        apply(issued);
        return new DocumentResult(command.documentId(), command.kind(), issued.number(), issuedOn, "DRAFT", version);
    }

    /** The signed document is uploaded: final, part of the record; a later upload is a new version of it. */
    @CommandHandler
    FinalResult handle(FinalizeDocument command) {
        Integer finals = documents.get(command.documentId());
        if (finals == null) {
            throw new vn.ubkt.casework.command.platform.NotFoundException("document", command.documentId());
        }
        apply(new DocumentFinalized(id, command.documentId(), finals + 1, command.file()));
        return new FinalResult(command.documentId(), "FINAL", command.file().sha256(), command.file().size(),
                finals + 1, version);
    }

    @CommandHandler
    AttachmentResult handle(AddAttachment command) {
        if (command.supersedes() != null && !attachments.contains(command.supersedes())) {
            throw new vn.ubkt.casework.command.platform.NotFoundException("attachment", command.supersedes());
        }
        apply(new AttachmentAdded(id, command.attachmentId(), command.file(),
                command.description() == null || command.description().isBlank() ? null : command.description().strip(),
                command.supersedes()));
        return new AttachmentResult(command.attachmentId(), command.file().name(), command.file().size(),
                command.file().sha256(), version);
    }

    @EventSourcingHandler
    void on(DocumentIssued event, @SequenceNumber long sequence) {
        documents.put(event.documentId(), 0);
        version = sequence;
    }

    @EventSourcingHandler
    void on(DocumentFinalized event, @SequenceNumber long sequence) {
        documents.put(event.documentId(), event.version());
        version = sequence;
    }

    @EventSourcingHandler
    void on(AttachmentAdded event, @SequenceNumber long sequence) {
        attachments.add(event.attachmentId());
        version = sequence;
    }

    @EventSourcingHandler
    void on(CasePlanned event, @SequenceNumber long sequence) {
        id = event.caseId();
        type = event.type();
        committeeId = event.committeeId();
        subject = event.subject();
        status = CaseStatus.PLANNED;
        lastStepOn = event.plannedOn();
        reached.addAll(DocumentKind.recordedBy(event, type));
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        reached.addAll(DocumentKind.recordedBy(event, type));
        status = CaseStatus.OPEN;
        lastStepOn = event.openedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(ExplanationRecorded event, @SequenceNumber long sequence) {
        reached.addAll(DocumentKind.recordedBy(event, type));
        lastStepOn = event.submittedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(FindingsRecorded event, @SequenceNumber long sequence) {
        reached.addAll(DocumentKind.recordedBy(event, type));
        lastStepOn = event.recordedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseConcluded event, @SequenceNumber long sequence) {
        reached.addAll(DocumentKind.recordedBy(event, type));
        status = CaseStatus.CONCLUDED;
        concludedOn = event.concludedOn();
        lastStepOn = event.concludedOn();
        categories = event.violationCategories();
        violationTo = event.violationTo();
        disciplineWarranted = event.disciplineWarranted();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseEscalated event, @SequenceNumber long sequence) {
        status = CaseStatus.ESCALATED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(SubjectHeard event, @SequenceNumber long sequence) {
        heard = true;
        lastStepOn = event.heardOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(HearingWaived event, @SequenceNumber long sequence) {
        heard = true;
        lastStepOn = event.heardOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(DisciplineProposed event, @SequenceNumber long sequence) {
        status = CaseStatus.DISCIPLINE_PROPOSED;
        lastStepOn = event.proposedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(DisciplineDecided event, @SequenceNumber long sequence) {
        reached.addAll(DocumentKind.recordedBy(event, type));
        status = CaseStatus.DECIDED;
        formInForce = event.form();
        decidingCommitteeId = event.decidingCommitteeId();
        decidedOn = event.decidedOn();
        lastStepOn = event.announcedOn().isAfter(event.decidedOn()) ? event.announcedOn() : event.decidedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(DisciplineNotImposed event, @SequenceNumber long sequence) {
        reached.addAll(DocumentKind.recordedBy(event, type));
        status = CaseStatus.DECIDED;
        formInForce = null;
        decidingCommitteeId = event.decidingCommitteeId();
        decidedOn = event.decidedOn();
        lastStepOn = event.decidedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(DisciplinePostponed event, @SequenceNumber long sequence) {
        postponedFor = event.reason();
        postponedUntil = event.until();
        lastStepOn = event.postponedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(AppealFiled event, @SequenceNumber long sequence) {
        status = CaseStatus.APPEALED;
        lastStepOn = event.filedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(AppealResolved event, @SequenceNumber long sequence) {
        reached.addAll(DocumentKind.recordedBy(event, type));
        appealResolvedBy = event.resolvingCommitteeId();
        status = CaseStatus.DECIDED;
        formInForce = event.newForm();
        lastStepOn = event.resolvedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseTransferred event, @SequenceNumber long sequence) {
        committeeId = event.toCommitteeId();
        // a transfer after a dissolution may carry an earlier date than the last step: the order only moves forward
        lastStepOn = lastStepOn == null || event.transferredOn().isAfter(lastStepOn) ? event.transferredOn() : lastStepOn;
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseWithdrawn event, @SequenceNumber long sequence) {
        status = CaseStatus.WITHDRAWN;
        lastStepOn = event.withdrawnOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseClosed event, @SequenceNumber long sequence) {
        status = CaseStatus.CLOSED;
        lastStepOn = event.closedOn();
        version = sequence;
    }
}
