package vn.ubkt.casework.command.suspensions;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.suspensions.SuspensionId;
import vn.ubkt.casework.events.suspensions.SuspensionKind;

/** The commands of a suspension of party activity; their events are the past tense of the same verbs. */
final class SuspensionCommands {

    private SuspensionCommands() {
    }

    record SuspendMember(SuspensionId suspensionId, Subject.Member member, SuspensionKind kind, LocalDate suspendedOn,
                         int days, String grounds, CommitteeId decidingCommitteeId, String decisionRef, CaseId caseId) {
        SuspendMember {
            Require.present(suspensionId, "suspensionId");
            Require.present(member, "member");
            Require.present(kind, "kind");
            Require.present(suspendedOn, "suspendedOn");
            Require.present(decidingCommitteeId, "decidingCommitteeId");
        }
    }

    record ExtendSuspension(@TargetAggregateIdentifier SuspensionId suspensionId, LocalDate extendedOn, int days,
                            String decisionRef) {
    }

    record LiftSuspension(@TargetAggregateIdentifier SuspensionId suspensionId, LocalDate liftedOn, String reason) {
    }

    /** What each step answers: the suspension's last day after it, and its event sequence number. */
    record SuspensionResult(String id, LocalDate endsOn, String status, long version) {
    }
}
