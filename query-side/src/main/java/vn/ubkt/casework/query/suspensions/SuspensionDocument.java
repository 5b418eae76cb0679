package vn.ubkt.casework.query.suspensions;

import java.time.Instant;
import java.time.LocalDate;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.suspensions.MemberSuspended;
import vn.ubkt.casework.events.suspensions.SuspensionEvent;
import vn.ubkt.casework.events.suspensions.SuspensionExtended;
import vn.ubkt.casework.events.suspensions.SuspensionLifted;

/** What the read side keeps of one suspension, folded from its events. */
public class SuspensionDocument {

    public String id;
    public long version = -1;
    public Subject.Member member;
    public String kind;
    public LocalDate suspendedOn;
    public int days;
    public LocalDate endsOn;
    public String grounds;
    public String decidingCommitteeId;
    public String decisionRef;
    public String caseId;
    public String rulebookVersion;
    public boolean extended;
    public LocalDate extendedOn;
    public Integer extensionDays;
    public String extensionDecisionRef;
    public LocalDate liftedOn;
    public String liftReason;
    public Instant lastRecordedAt;

    /** An event this fold does not know fails loudly: it must never vanish from the record. */
    static void apply(SuspensionDocument doc, SuspensionEvent event, long sequence, Instant recordedAt) {
        if (event instanceof MemberSuspended e) {
            doc.id = e.suspensionId().value();
            doc.member = e.member();
            doc.kind = e.kind().name();
            doc.suspendedOn = e.suspendedOn();
            doc.days = e.days();
            doc.endsOn = e.endsOn();
            doc.grounds = e.grounds();
            doc.decidingCommitteeId = e.decidingCommitteeId().value();
            doc.decisionRef = e.decisionRef();
            doc.caseId = e.caseId() == null ? null : e.caseId().value();
            doc.rulebookVersion = e.rulebookVersion();
        } else if (event instanceof SuspensionExtended e) {
            doc.extended = true;
            doc.extendedOn = e.extendedOn();
            doc.extensionDays = e.days();
            doc.extensionDecisionRef = e.decisionRef();
            doc.endsOn = e.endsOn();
        } else if (event instanceof SuspensionLifted e) {
            doc.liftedOn = e.liftedOn();
            doc.liftReason = e.reason();
        } else {
            throw new IllegalStateException("a suspension event the read side does not know: " + event);
        }
        doc.version = sequence;
        doc.lastRecordedAt = recordedAt;
    }

    /** ACTIVE until lifted or until its last day has passed (then ENDED, by itself). */
    String status(LocalDate today) {
        return liftedOn != null ? "LIFTED" : today.isAfter(endsOn) ? "ENDED" : "ACTIVE";
    }
}
