package vn.ubkt.casework.command.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.command.committees.CommitteeDirectory;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseTransferred;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.complaints.ComplaintReceived;
import vn.ubkt.casework.events.complaints.ComplaintTransferred;
import vn.ubkt.casework.events.suspensions.MemberSuspended;

/** Which committee acts on each case, complaint and suspension now, and whom it concerns; kept in the committing transaction. */
@Component
@ProcessingGroup(CommitteeDirectory.PROCESSING_GROUP)
class AccessRegister {

    private final JdbcClient jdbc;

    AccessRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CasePlanned event) {
        jdbc.sql("""
                insert into cmd_case_access (case_id, committee_id, subject_member_id) values (:id, :committee, :member)
                on conflict do nothing""")
                .param("id", event.caseId().value()).param("committee", event.committeeId().value())
                .param("member", memberId(event.subject())).update();
    }

    @EventHandler
    void on(CaseTransferred event) {
        jdbc.sql("update cmd_case_access set committee_id = :committee where case_id = :id")
                .param("id", event.caseId().value()).param("committee", event.toCommitteeId().value()).update();
    }

    @EventHandler
    void on(ComplaintReceived event) {
        jdbc.sql("""
                insert into cmd_complaint_access (complaint_id, committee_id, accused_member_id)
                values (:id, :committee, :member) on conflict do nothing""")
                .param("id", event.complaintId().value()).param("committee", event.committeeId().value())
                .param("member", memberId(event.accused())).update();
    }

    @EventHandler
    void on(ComplaintTransferred event) {
        jdbc.sql("update cmd_complaint_access set committee_id = :committee where complaint_id = :id")
                .param("id", event.complaintId().value()).param("committee", event.toCommitteeId().value()).update();
    }

    @EventHandler
    void on(MemberSuspended event) {
        jdbc.sql("""
                insert into cmd_suspension_access (suspension_id, committee_id, member_id)
                values (:id, :committee, :member) on conflict do nothing""")
                .param("id", event.suspensionId().value()).param("committee", event.decidingCommitteeId().value())
                .param("member", event.member().memberId()).update();
    }

    private static String memberId(Subject subject) {
        return subject instanceof Subject.Member member ? member.memberId() : null;
    }
}
