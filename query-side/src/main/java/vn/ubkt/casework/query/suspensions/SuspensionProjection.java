package vn.ubkt.casework.query.suspensions;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.events.suspensions.SuspensionEvent;

/**
 * Keeps each suspension's document and the columns its lists filter on. Idempotent: an event whose sequence the
 * stored document already holds changes nothing.
 */
@Component
@ProcessingGroup(SuspensionProjection.NAME)
class SuspensionProjection {

    static final String NAME = "suspensions";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SuspensionProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(SuspensionEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        String id = event.suspensionId().value();
        SuspensionDocument doc = jdbc.sql("select document::text from suspension_view where id = :id").param("id", id)
                .query(String.class).optional()
                .map(text -> json.readValue(text, SuspensionDocument.class))
                .orElseGet(SuspensionDocument::new);
        if (sequence <= doc.version) {
            return;
        }
        SuspensionDocument.apply(doc, event, sequence, recordedAt);
        jdbc.sql("""
                insert into suspension_view (id, version, member_id, member_org_id, committee_member, kind,
                                             deciding_committee_id, case_id, suspended_on, ends_on, lifted_on, document,
                                             updated_at)
                values (:id, :version, :member, :org, :committeeMember, :kind, :committee, :caseId, :suspendedOn, :endsOn,
                        :liftedOn, cast(:document as jsonb), :at)
                on conflict (id) do update set version = excluded.version, ends_on = excluded.ends_on,
                        lifted_on = excluded.lifted_on, document = excluded.document, updated_at = excluded.updated_at""")
                .param("id", doc.id).param("version", doc.version).param("member", doc.member.memberId())
                .param("org", doc.member.organizationId().value())
                .param("committeeMember", !doc.member.committeeMemberOf().isEmpty())
                .param("kind", doc.kind).param("committee", doc.decidingCommitteeId).param("caseId", doc.caseId)
                .param("suspendedOn", doc.suspendedOn).param("endsOn", doc.endsOn).param("liftedOn", doc.liftedOn)
                .param("document", json.writeValueAsString(doc)).param("at", Timestamp.from(doc.lastRecordedAt))
                .update();
    }
}
