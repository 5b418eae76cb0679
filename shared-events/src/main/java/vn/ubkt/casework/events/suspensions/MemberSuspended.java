package vn.ubkt.casework.events.suspensions;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * A member's party (or committee) activity was suspended from {@code suspendedOn} for {@code days} days, the last
 * of them {@code endsOn}, by the deciding committee; {@code caseId} is the case it serves, when there is one.
 * Suspension is not a discipline form (DOMAIN.md "The rules in 2026").
 */
@Revision("1")
public record MemberSuspended(
        SuspensionId suspensionId,
        Subject.Member member,
        SuspensionKind kind,
        LocalDate suspendedOn,
        int days,
        LocalDate endsOn,
        String grounds,
        CommitteeId decidingCommitteeId,
        String decisionRef,
        CaseId caseId,
        String rulebookVersion,
        List<Deadline> deadlines) implements SuspensionEvent {

    public MemberSuspended {
        Require.present(suspensionId, "suspensionId");
        Require.present(member, "member");
        Require.present(kind, "kind");
        Require.present(suspendedOn, "suspendedOn");
        Require.present(endsOn, "endsOn");
        Require.text(grounds, "grounds");
        Require.present(decidingCommitteeId, "decidingCommitteeId");
        Require.text(decisionRef, "decisionRef");
        Require.text(rulebookVersion, "rulebookVersion");
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }
}
