package vn.ubkt.casework.command.suspensions;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ubkt.casework.command.platform.ConflictException;
import vn.ubkt.casework.command.platform.LockUntilCommit;
import vn.ubkt.casework.command.rules.BusinessDates;
import vn.ubkt.casework.command.rules.Rulebook;
import vn.ubkt.casework.command.rules.RulebookVersion;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.command.suspensions.SuspensionCommands.ExtendSuspension;
import vn.ubkt.casework.command.suspensions.SuspensionCommands.LiftSuspension;
import vn.ubkt.casework.command.suspensions.SuspensionCommands.SuspendMember;
import vn.ubkt.casework.command.suspensions.SuspensionCommands.SuspensionResult;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.suspensions.MemberSuspended;
import vn.ubkt.casework.events.suspensions.SuspensionExtended;
import vn.ubkt.casework.events.suspensions.SuspensionId;
import vn.ubkt.casework.events.suspensions.SuspensionLifted;

/**
 * A suspension of a member's party (or committee) activity (đình chỉ sinh hoạt đảng, sinh hoạt cấp ủy): decided for
 * a number of days, extended within the rulebook's limit, lifted early, or ending by itself after {@code endsOn}, its
 * last day — which needs no event: whether it has ended is judged against today where it is read. Not a discipline
 * form; a member's record and the case it serves show it.
 */
@Aggregate(lockFactory = LockUntilCommit.BEAN)
class Suspension {

    @AggregateIdentifier
    private SuspensionId id;
    private LocalDate suspendedOn;
    private LocalDate endsOn;
    private LocalDate lastStepOn;
    private int extensions;
    private boolean lifted;
    private long version;

    protected Suspension() {
        // for Axon
    }

    @CommandHandler
    Suspension(SuspendMember command, Rulebook rulebook, TreeView tree, Clock clock) {
        RulebookVersion rules = rulebook.inForceOn(command.suspendedOn());
        BusinessDates.notInFuture(rules, command.suspendedOn(), LocalDate.now(clock), "suspendedOn");
        SuspensionRules.standing(rules, tree, command.decidingCommitteeId(), command.suspendedOn(), "decidingCommitteeId");
        SuspensionRules.standing(rules, tree, command.member().organizationId(), command.suspendedOn(),
                "member.organizationId");
        SuspensionRules.committeeActivityNeedsSeat(rules, command.member(), command.kind());
        SuspensionRules.duration(rules, command.days());
        SuspensionRules.competent(rules, tree, command.decidingCommitteeId(), command.member(), command.kind(),
                command.suspendedOn());
        LocalDate endsOn = lastDay(command.suspendedOn(), command.days());
        apply(new MemberSuspended(command.suspensionId(), command.member(), command.kind(), command.suspendedOn(),
                command.days(), endsOn, command.grounds().strip(), command.decidingCommitteeId(),
                command.decisionRef().strip(), command.caseId(), rules.id(), List.of(end(endsOn, rules))));
    }

    @CommandHandler
    SuspensionResult handle(ExtendSuspension command, Rulebook rulebook, Clock clock) {
        RulebookVersion rules = rulebook.inForceOn(command.extendedOn());
        requireNotLifted();
        datesInOrder(rules, command.extendedOn(), "extendedOn", clock);
        if (command.extendedOn().isAfter(endsOn)) {
            throw SuspensionRules.refuse(rules, SuspensionRules.RULE, "extendedOn", "extendedAfterEnd",
                    command.extendedOn(), endsOn);
        }
        SuspensionRules.extension(rules, extensions, command.days());
        LocalDate newEnd = endsOn.plusDays(command.days());
        apply(new SuspensionExtended(id, command.extendedOn(), command.days(), newEnd, command.decisionRef().strip(),
                rules.id(), List.of(end(newEnd, rules))));
        return result(clock);
    }

    @CommandHandler
    SuspensionResult handle(LiftSuspension command, Rulebook rulebook, Clock clock) {
        RulebookVersion rules = rulebook.inForceOn(command.liftedOn());
        requireNotLifted();
        datesInOrder(rules, command.liftedOn(), "liftedOn", clock);
        if (command.liftedOn().isAfter(endsOn)) {
            throw SuspensionRules.refuse(rules, SuspensionRules.RULE, "liftedOn", "liftedAfterEnd",
                    command.liftedOn(), endsOn);
        }
        apply(new SuspensionLifted(id, command.liftedOn(), command.reason().strip()));
        return result(clock);
    }

    /** The last day under suspension: a suspension of 90 days from 1 March lasts through the 90th day, 29 May. */
    static LocalDate lastDay(LocalDate suspendedOn, int days) {
        return suspendedOn.plusDays(days - 1L);
    }

    private static Deadline end(LocalDate endsOn, RulebookVersion rules) {
        return new Deadline(Deadline.Kind.SUSPENSION_END, endsOn, SuspensionRules.RULE, rules.id());
    }

    private void requireNotLifted() {
        if (lifted) {
            throw new ConflictException("suspension.lifted", "LIFTED", List.of(), id);
        }
    }

    /** R-DATES: not in the future, and not before the suspension's previous step. */
    private void datesInOrder(RulebookVersion rules, LocalDate date, String field, Clock clock) {
        BusinessDates.notInFuture(rules, date, LocalDate.now(clock), field);
        BusinessDates.notBefore(rules, date, lastStepOn, field, "lastStepOn");
    }

    SuspensionResult result(Clock clock) {
        String status = lifted ? "LIFTED" : LocalDate.now(clock).isAfter(endsOn) ? "ENDED" : "ACTIVE";
        return new SuspensionResult(id.value(), endsOn, status, version);
    }

    @EventSourcingHandler
    void on(MemberSuspended event, @SequenceNumber long sequence) {
        id = event.suspensionId();
        suspendedOn = event.suspendedOn();
        endsOn = event.endsOn();
        lastStepOn = event.suspendedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(SuspensionExtended event, @SequenceNumber long sequence) {
        extensions++;
        endsOn = event.endsOn();
        lastStepOn = event.extendedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(SuspensionLifted event, @SequenceNumber long sequence) {
        lifted = true;
        lastStepOn = event.liftedOn();
        version = sequence;
    }
}
