package vn.ubkt.casework.command.cases;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.command.committees.CommitteeDirectory;
import vn.ubkt.casework.events.cases.CaseClosed;
import vn.ubkt.casework.events.cases.CaseEscalated;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseTransferred;
import vn.ubkt.casework.events.cases.CaseWithdrawn;

/** Which committee holds each case that has not ended, kept in the committing transaction. */
@Component
@ProcessingGroup(CommitteeDirectory.PROCESSING_GROUP)
class OpenCaseRegister {

    private final JdbcClient jdbc;

    OpenCaseRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CasePlanned event) {
        jdbc.sql("insert into cmd_open_case (case_id, committee_id) values (:id, :committee) on conflict do nothing")
                .param("id", event.caseId().value()).param("committee", event.committeeId().value()).update();
    }

    @EventHandler
    void on(CaseTransferred event) {
        jdbc.sql("update cmd_open_case set committee_id = :committee where case_id = :id")
                .param("id", event.caseId().value()).param("committee", event.toCommitteeId().value()).update();
    }

    @EventHandler
    void on(CaseClosed event) {
        ended(event.caseId().value());
    }

    @EventHandler
    void on(CaseWithdrawn event) {
        ended(event.caseId().value());
    }

    @EventHandler
    void on(CaseEscalated event) {
        ended(event.caseId().value());
    }

    private void ended(String caseId) {
        jdbc.sql("delete from cmd_open_case where case_id = :id").param("id", caseId).update();
    }

    java.util.List<String> openCasesOf(String committeeId) {
        return jdbc.sql("select case_id from cmd_open_case where committee_id = :committee order by case_id")
                .param("committee", committeeId).query(String.class).list();
    }
}
