package vn.ubkt.casework.query.suspensions;

import java.time.LocalDate;
import java.util.List;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.query.audit.HistoryEntryView;

/**
 * One suspension as API.md "Suspension of party activity" shows it: {@code endsOn} is its last day, {@code status}
 * ACTIVE, ENDED (past its last day, by itself) or LIFTED; {@code history} its steps, oldest first (empty in lists).
 */
public record SuspensionView(String id, Subject.Member member, String kind, LocalDate suspendedOn, int days,
                             LocalDate endsOn, boolean extended, LocalDate extendedOn, Integer extensionDays,
                             LocalDate liftedOn, String liftReason, String status, String grounds,
                             String decidingCommitteeId, String decisionRef, String caseId, String rulebookVersion,
                             long version, List<HistoryEntryView> history) {

    static SuspensionView of(SuspensionDocument doc, LocalDate today, List<HistoryEntryView> history) {
        return new SuspensionView(doc.id, doc.member, doc.kind, doc.suspendedOn, doc.days, doc.endsOn, doc.extended,
                doc.extendedOn, doc.extensionDays, doc.liftedOn, doc.liftReason, doc.status(today), doc.grounds,
                doc.decidingCommitteeId, doc.decisionRef, doc.caseId, doc.rulebookVersion, doc.version, history);
    }
}
