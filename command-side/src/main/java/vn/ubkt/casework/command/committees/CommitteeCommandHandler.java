package vn.ubkt.casework.command.committees;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.command.platform.ConflictException;
import vn.ubkt.casework.command.platform.NotFoundException;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * Commands on the tree that need more than one node: it loads the parent, successor or ancestors from the
 * event store (never from the query side) and lets the node's aggregate decide. Each handler answers the
 * node's event sequence number after the command.
 */
@Component
class CommitteeCommandHandler {

    /** Deeper than any real tree (central → province → district → grassroots → departmental → cell). */
    private static final int MAX_DEPTH = 32;

    private final Repository<Committee> repository;
    private final Clock clock;
    private final List<DissolutionFollowUp> followUps;
    private final StandingChildren children;

    /** Without a directory: no node is known to have children (the aggregate tests that do not need it). */
    CommitteeCommandHandler(Repository<Committee> repository, Clock clock) {
        this(repository, clock, List.of(), (parent, date) -> List.of());
    }

    CommitteeCommandHandler(Repository<Committee> repository, Clock clock, StandingChildren children) {
        this(repository, clock, List.of(), children);
    }

    @Autowired
    CommitteeCommandHandler(Repository<Committee> repository, Clock clock, List<DissolutionFollowUp> followUps,
                            StandingChildren children) {
        this.repository = repository;
        this.clock = clock;
        this.followUps = followUps;
        this.children = children;
    }

    @CommandHandler
    long handle(RegisterCommittee command) throws Exception {
        if (find(command.committeeId()).isPresent()) {
            throw new ConflictException("committee.exists", "REGISTERED", List.of(), command.committeeId());
        }
        TreeRules.checkNotInFuture(command.establishedOn(), today(), "establishedOn");
        CommitteeFacts parent = null;
        if (command.parentId() != null) {
            parent = find(command.parentId())
                    .orElseThrow(() -> TreeRules.parentProblem("parentId", "tree.parent.unknown", command.parentId()))
                    .invoke(Committee::facts);
            if (!parent.standsOn(command.establishedOn())) {
                throw command.establishedOn() == null
                        ? TreeRules.parentProblem("establishedOn", "tree.parent.needsDate", parent.id(),
                                parent.establishedOn(), parent.dissolvedOn())
                        : TreeRules.parentProblem("parentId", "tree.parent.notStanding", parent.id(), command.establishedOn());
            }
        }
        TreeRules.checkPlacement(command.kind(), command.level(), parent, "parentId");
        return repository.newInstance(() -> new Committee(command)).version();
    }

    @CommandHandler
    long handle(AmendCommittee command) {
        Aggregate<Committee> node = load(command.committeeId());
        node.execute(committee -> committee.amend(command));
        return node.version();
    }

    @CommandHandler
    long handle(MoveCommittee command) {
        Aggregate<Committee> node = load(command.committeeId());
        CommitteeFacts newParent = find(command.parentId())
                .orElseThrow(() -> TreeRules.parentProblem("parentId", "tree.parent.unknown", command.parentId()))
                .invoke(Committee::facts);
        refuseCycle(command.committeeId(), newParent);
        node.execute(committee -> committee.move(command, newParent, today()));
        return node.version();
    }

    @CommandHandler
    long handle(DissolveCommittee command) {
        Aggregate<Committee> node = load(command.committeeId());
        CommitteeFacts successor = command.successorId() == null ? null
                : find(command.successorId())
                        .orElseThrow(() -> TreeRules.successorProblem("tree.successor.unknown", command.successorId()))
                        .invoke(Committee::facts);
        List<CommitteeId> standing = successor == null && command.dissolvedOn() != null
                ? children.of(command.committeeId(), command.dissolvedOn()) : List.of();
        node.execute(committee -> committee.dissolve(command, successor, standing, today()));
        if (successor != null) {
            followUps.forEach(followUp -> followUp.dissolvedInto(command.committeeId(), successor.id(),
                    command.dissolvedOn(), command.reason()));
        }
        return node.version();
    }

    /** Walks up from the new parent: meeting the node itself would make it its own ancestor. */
    private void refuseCycle(CommitteeId node, CommitteeFacts newParent) {
        Set<CommitteeId> seen = new HashSet<>();
        CommitteeFacts current = newParent;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.id().equals(node) || !seen.add(current.id())) {
                throw TreeRules.cycle(node, newParent.id());
            }
            current = current.parentId() == null ? null
                    : find(current.parentId()).map(parent -> parent.invoke(Committee::facts)).orElse(null);
        }
    }

    private Aggregate<Committee> load(CommitteeId id) {
        return find(id).orElseThrow(() -> new NotFoundException("committee", id.value()));
    }

    private Optional<Aggregate<Committee>> find(CommitteeId id) {
        try {
            return Optional.of(repository.load(id.value()));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // no events, or the events of another kind of record under that id (a case's, a complaint's)
            return Optional.empty();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
