package vn.ubkt.casework.command.committees;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ubkt.casework.command.platform.ConflictException;
import vn.ubkt.casework.command.platform.LockUntilCommit;
import vn.ubkt.casework.events.committees.CommitteeCountsChanged;
import vn.ubkt.casework.events.committees.CommitteeDissolved;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;
import vn.ubkt.casework.events.committees.CommitteeMoved;
import vn.ubkt.casework.events.committees.CommitteeRegistered;
import vn.ubkt.casework.events.committees.CommitteeRenamed;

/**
 * A node of the organization tree. The rules that need other nodes (parent, successor, ancestors) are
 * judged by {@link CommitteeCommandHandler}, which loads them; this aggregate judges its own state.
 */
@Aggregate(lockFactory = LockUntilCommit.BEAN)
class Committee {

    @AggregateIdentifier
    private CommitteeId id;
    private String name;
    private CommitteeKind kind;
    private CommitteeLevel level;
    private CommitteeId parentId;
    private LocalDate establishedOn;
    private LocalDate lastMovedOn;
    private LocalDate dissolvedOn;
    private Integer votingMembers;
    private Integer partyMembers;
    private Integer cells;

    protected Committee() {
        // for Axon
    }

    Committee(RegisterCommittee command) {
        apply(new CommitteeRegistered(command.committeeId(), command.name().strip(), command.kind(), command.level(),
                command.parentId(), command.establishedOn(), command.votingMembers(), command.partyMembers(),
                command.cells()));
    }

    CommitteeFacts facts() {
        return new CommitteeFacts(id, name, kind, level, parentId, establishedOn, dissolvedOn);
    }

    void amend(AmendCommittee command) {
        refuseIfDissolved("amend");
        String newName = command.name() == null ? name : command.name().strip();
        Integer newVoting = command.votingMembers() == null ? votingMembers : command.votingMembers();
        Integer newMembers = command.partyMembers() == null ? partyMembers : command.partyMembers();
        Integer newCells = command.cells() == null ? cells : command.cells();
        boolean renamed = !newName.equals(name);
        boolean countsChanged = !Objects.equals(newVoting, votingMembers) || !Objects.equals(newMembers, partyMembers)
                || !Objects.equals(newCells, cells);
        if (!renamed && !countsChanged) {
            throw new ConflictException("committee.unchanged", "ACTIVE", List.of(), id);
        }
        if (renamed) {
            apply(new CommitteeRenamed(id, name, newName));
        }
        if (countsChanged) {
            apply(new CommitteeCountsChanged(id, newVoting, newMembers, newCells));
        }
    }

    void move(MoveCommittee command, CommitteeFacts newParent, LocalDate today) {
        refuseIfDissolved("move");
        TreeRules.checkNotInFuture(command.movedOn(), today, "movedOn");
        TreeRules.checkNotBefore(command.movedOn(), establishedOn, "movedOn", "establishedOn");
        TreeRules.checkNotOnEstablishment(command.movedOn(), establishedOn, "movedOn");
        if (lastMovedOn != null && !command.movedOn().isAfter(lastMovedOn)) {
            TreeRules.checkNotBefore(command.movedOn(), lastMovedOn.plusDays(1), "movedOn", "lastMovedOn+1");
        }
        if (newParent.id().equals(parentId)) {
            throw new ConflictException("committee.alreadyUnder", "ACTIVE", List.of(), id, parentId);
        }
        if (!newParent.standsOn(command.movedOn())) {
            throw TreeRules.parentProblem("parentId", "tree.parent.notStanding", newParent.id(), command.movedOn());
        }
        TreeRules.checkPlacement(kind, level, newParent, "parentId");
        apply(new CommitteeMoved(id, command.movedOn(), parentId, newParent.id()));
    }

    /**
     * {@code standingChildren}: the nodes still hanging under this one on the dissolution date, when no successor is
     * named — they would be left without a parent, so they must be moved (or dissolved) first.
     */
    void dissolve(DissolveCommittee command, CommitteeFacts successor, List<CommitteeId> standingChildren, LocalDate today) {
        refuseIfDissolved("dissolve");
        TreeRules.checkNotInFuture(command.dissolvedOn(), today, "dissolvedOn");
        TreeRules.checkNotBefore(command.dissolvedOn(), establishedOn, "dissolvedOn", "establishedOn");
        TreeRules.checkNotOnEstablishment(command.dissolvedOn(), establishedOn, "dissolvedOn");
        if (successor == null && !standingChildren.isEmpty()) {
            throw TreeRules.childrenProblem(id, standingChildren, command.dissolvedOn());
        }
        TreeRules.checkNotBefore(command.dissolvedOn(), lastMovedOn, "dissolvedOn", "lastMovedOn");
        if (successor != null) {
            if (successor.id().equals(id)) {
                throw TreeRules.successorProblem("tree.successor.self", id);
            }
            if (successor.kind() != kind) {
                throw TreeRules.successorProblem("tree.successor.kind", successor.id(), successor.kind(), kind);
            }
            if (!successor.standsOn(command.dissolvedOn())) {
                throw TreeRules.successorProblem("tree.successor.notStanding", successor.id(), command.dissolvedOn());
            }
        }
        apply(new CommitteeDissolved(id, command.dissolvedOn(), successor == null ? null : successor.id(),
                command.reason().strip()));
    }

    private void refuseIfDissolved(String step) {
        if (dissolvedOn != null) {
            throw new ConflictException("committee.dissolved", "DISSOLVED", List.of(), id, dissolvedOn, step);
        }
    }

    @EventSourcingHandler
    void on(CommitteeRegistered event) {
        id = event.committeeId();
        name = event.name();
        kind = event.kind();
        level = event.level();
        parentId = event.parentId();
        establishedOn = event.establishedOn();
        votingMembers = event.votingMembers();
        partyMembers = event.partyMembers();
        cells = event.cells();
    }

    @EventSourcingHandler
    void on(CommitteeRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(CommitteeCountsChanged event) {
        votingMembers = event.votingMembers();
        partyMembers = event.partyMembers();
        cells = event.cells();
    }

    @EventSourcingHandler
    void on(CommitteeMoved event) {
        parentId = event.parentId();
        lastMovedOn = event.movedOn();
    }

    @EventSourcingHandler
    void on(CommitteeDissolved event) {
        dissolvedOn = event.dissolvedOn();
    }
}
