package vn.ubkt.casework.command.complaints;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.command.cases.CasePlanner;
import vn.ubkt.casework.command.platform.NotFoundException;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.command.rules.BusinessDates;
import vn.ubkt.casework.command.rules.Rulebook;
import vn.ubkt.casework.command.rules.RulebookVersion;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.complaints.ComplaintId;

/**
 * Intake: a received letter keeps its sender in the confidential store, an accepted one plans its
 * DENUNCIATION case in the same unit of work, so neither can exist without the other.
 */
@Component
class ComplaintCommandHandler {

    private final Repository<Complaint> complaints;
    private final DenouncerStore denouncers;
    private final CasePlanner planner;
    private final Rulebook rulebook;
    private final TreeView tree;
    private final JdbcClient jdbc;
    private final Clock clock;

    ComplaintCommandHandler(Repository<Complaint> complaints, DenouncerStore denouncers, CasePlanner planner,
                            Rulebook rulebook, TreeView tree, JdbcClient jdbc, Clock clock) {
        this.complaints = complaints;
        this.denouncers = denouncers;
        this.planner = planner;
        this.rulebook = rulebook;
        this.tree = tree;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @CommandHandler
    ComplaintCommands.ComplaintResult handle(ComplaintCommands.ReceiveComplaint command) throws Exception {
        RulebookVersion rules = rulebook.inForceOn(command.receivedOn());
        BusinessDates.notInFuture(rules, command.receivedOn(), today(), "receivedOn");
        standing(rules, command.committeeId(), command.receivedOn(), "committeeId");
        if (tree.node(command.accused().organizationId()).isEmpty()) {
            throw new RuleViolationException("TREE-STANDING", rules.source("TREE-STANDING"), rules.id(),
                    "accused.organizationId", "case.committee.unknown", command.accused().organizationId());
        }
        String ref = command.anonymous() ? null : denouncers.keep(command.complaintId(), command.denouncer());
        Aggregate<Complaint> complaint = complaints.newInstance(() -> new Complaint(command.complaintId(),
                command.committeeId(), command.receivedOn(), command.anonymous(), ref, command.accused(), command.content()));
        return complaint.invoke(c -> c.result(null));
    }

    @CommandHandler
    ComplaintCommands.ComplaintResult handle(ComplaintCommands.AcceptComplaint command) throws Exception {
        Aggregate<Complaint> complaint = load(command.complaintId());
        RulebookVersion rules = rulebook.inForceOn(command.acceptedOn());
        String ref = complaint.invoke(Complaint::denouncerRef);
        boolean hasAddress = ref != null && jdbc.sql("""
                select count(*) from confidential_denouncer
                where denouncer_ref = :ref and address is not null and trim(address) <> ''""")
                .param("ref", ref).query(Long.class).single() > 0;
        complaint.execute(c -> c.accept(command, hasAddress, rules, today()));
        CommitteeId committee = complaint.invoke(Complaint::committeeId);
        planner.planDenunciation(command.caseId(), command.complaintId(), committee, complaint.invoke(Complaint::accused),
                complaint.invoke(Complaint::content), command.planRef(), command.acceptedOn(), command.plannedFrom(),
                command.plannedTo());
        return complaint.invoke(c -> c.result(command.caseId().value()));
    }

    @CommandHandler
    ComplaintCommands.ComplaintResult handle(ComplaintCommands.TransferComplaint command) {
        Aggregate<Complaint> complaint = load(command.complaintId());
        RulebookVersion rules = rulebook.inForceOn(command.transferredOn());
        standing(rules, command.toCommitteeId(), command.transferredOn(), "toCommitteeId");
        complaint.execute(c -> c.transfer(command, rules, today()));
        return complaint.invoke(c -> c.result(null));
    }

    @CommandHandler
    ComplaintCommands.ComplaintResult handle(ComplaintCommands.DismissComplaint command) {
        Aggregate<Complaint> complaint = load(command.complaintId());
        RulebookVersion rules = rulebook.inForceOn(command.dismissedOn());
        complaint.execute(c -> c.dismiss(command, rules, today()));
        return complaint.invoke(c -> c.result(null));
    }

    @CommandHandler
    ComplaintCommands.ComplaintResult handle(ComplaintCommands.EraseDenouncer command) {
        Aggregate<Complaint> complaint = load(command.complaintId());
        RulebookVersion rules = rulebook.inForceOn(command.erasedOn());
        String ref = complaint.invoke(c -> c.eraseDenouncer(command, rules, today()));
        denouncers.erase(ref);
        return complaint.invoke(c -> c.result(null));
    }

    private void standing(RulebookVersion rules, CommitteeId id, LocalDate date, String field) {
        TreeView.Node node = tree.node(id).orElseThrow(() -> new RuleViolationException("TREE-STANDING",
                rules.source("TREE-STANDING"), rules.id(), field, "case.committee.unknown", id));
        if (!node.standsOn(date)) {
            throw new RuleViolationException("TREE-STANDING", rules.source("TREE-STANDING"), rules.id(), field,
                    "case.committee.notStanding", id, date);
        }
    }

    private Aggregate<Complaint> load(ComplaintId id) {
        try {
            return complaints.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("complaint", id.value());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
