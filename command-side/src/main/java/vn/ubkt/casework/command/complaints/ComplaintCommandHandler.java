package vn.ubkt.casework.command.complaints;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.access.vault.DenouncerIdentity;
import vn.ubkt.casework.access.vault.DenouncerVault;
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
 * Intake: a received letter seals its sender in the vault, an accepted one plans its DENUNCIATION case, each in the
 * same unit of work, so neither can exist without the other. An erasure destroys the sealed identity in the
 * transaction that records it.
 */
@Component
class ComplaintCommandHandler {

    private final Repository<Complaint> complaints;
    private final DenouncerVault vault;
    private final CasePlanner planner;
    private final Rulebook rulebook;
    private final TreeView tree;
    private final Clock clock;

    ComplaintCommandHandler(Repository<Complaint> complaints, DenouncerVault vault, CasePlanner planner,
                            Rulebook rulebook, TreeView tree, Clock clock) {
        this.complaints = complaints;
        this.vault = vault;
        this.planner = planner;
        this.rulebook = rulebook;
        this.tree = tree;
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
        String ref = command.anonymous() ? null : vault.keep(command.complaintId().value(), command.denouncer());
        Aggregate<Complaint> complaint = complaints.newInstance(() -> new Complaint(command.complaintId(),
                command.committeeId(), command.receivedOn(), command.anonymous(), ref, command.accused(), command.content(),
                command.writerKind()));
        return complaint.invoke(c -> c.result(null));
    }

    @CommandHandler
    ComplaintCommands.ComplaintResult handle(ComplaintCommands.AcceptComplaint command) throws Exception {
        Aggregate<Complaint> complaint = load(command.complaintId());
        RulebookVersion rules = rulebook.inForceOn(command.acceptedOn());
        // R-INTAKE needs to know whether the sender gave an address: the vault is opened for that fact alone
        boolean hasAddress = vault.open(complaint.invoke(Complaint::denouncerRef))
                .map(DenouncerIdentity::hasAddress).orElse(false);
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
        vault.erase(ref);
        return complaint.invoke(c -> c.result(null));
    }

    @CommandHandler
    ComplaintCommands.AttachmentResult handle(ComplaintCommands.AddComplaintAttachment command) {
        Aggregate<Complaint> complaint = load(command.complaintId());
        return complaint.invoke(c -> c.addAttachment(command));
    }

    @CommandHandler
    ComplaintCommands.IdentityRequestResult handle(ComplaintCommands.RequestIdentityReveal command) {
        Aggregate<Complaint> complaint = load(command.complaintId());
        complaint.execute(c -> c.requestIdentityReveal(command, clock.instant()));
        return complaint.invoke(c -> c.identityRequestResult(command.requestId()));
    }

    @CommandHandler
    ComplaintCommands.IdentityRequestResult handle(ComplaintCommands.ApproveIdentityReveal command) {
        Aggregate<Complaint> complaint = load(command.complaintId());
        complaint.execute(c -> c.approveIdentityReveal(command, clock.instant()));
        return complaint.invoke(c -> c.identityRequestResult(command.requestId()));
    }

    @CommandHandler
    ComplaintCommands.IdentityRequestResult handle(ComplaintCommands.DenyIdentityReveal command) {
        Aggregate<Complaint> complaint = load(command.complaintId());
        complaint.execute(c -> c.denyIdentityReveal(command, clock.instant()));
        return complaint.invoke(c -> c.identityRequestResult(command.requestId()));
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
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new NotFoundException("complaint", id.value());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
