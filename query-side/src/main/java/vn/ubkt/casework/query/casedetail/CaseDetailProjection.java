package vn.ubkt.casework.query.casedetail;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.events.cases.CaseEvent;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.query.platform.LiveUpdates;

/**
 * Keeps each case's document and the columns its lists filter on. Idempotent: an event whose sequence the
 * stored document already holds changes nothing.
 */
@Component
@ProcessingGroup(CaseDetailProjection.NAME)
class CaseDetailProjection {

    static final String NAME = "case-detail";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LiveUpdates live;

    /** {@code live} is null for a rebuild, which no page watches. */
    CaseDetailProjection(JdbcClient jdbc, JsonMapper json, LiveUpdates live) {
        this.jdbc = jdbc;
        this.json = json;
        this.live = live;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        String id = event.caseId().value();
        CaseDocument doc = jdbc.sql("select document::text from case_view where id = :id").param("id", id)
                .query(String.class).optional()
                .map(text -> json.readValue(text, CaseDocument.class))
                .orElseGet(CaseDocument::new);
        if (sequence <= doc.version) {
            return;
        }
        CaseFold.apply(doc, event, sequence, recordedAt);
        save(doc);
        if (live != null) {
            live.changed("case", doc.id, doc.version, doc.committeeId,
                    doc.subject instanceof vn.ubkt.casework.events.cases.Subject.Member member ? member.memberId() : null);
        }
    }

    private void save(CaseDocument doc) {
        Subject.Member member = doc.subject instanceof Subject.Member m ? m : null;
        jdbc.sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_text, document, updated_at)
                values (:id, :version, :type, :status, :committee, :subjectType, :org, :member, :name, :plannedOn,
                        casework_fold(:search), cast(:document as jsonb), :at)
                on conflict (id) do update set version = excluded.version, status = excluded.status,
                        committee_id = excluded.committee_id, search_text = excluded.search_text,
                        document = excluded.document, updated_at = excluded.updated_at""")
                .param("id", doc.id).param("version", doc.version).param("type", doc.type == null ? null : doc.type.name()).param("status", doc.status == null ? null : doc.status.name())
                .param("committee", doc.committeeId)
                .param("subjectType", member == null ? "ORGANIZATION" : "MEMBER")
                .param("org", doc.subject.organizationId().value())
                .param("member", member == null ? null : member.memberId())
                .param("name", member == null ? null : member.fullName())
                .param("plannedOn", doc.plannedOn)
                .param("search", String.join(" ", member == null ? "" : member.fullName(),
                        member == null ? "" : member.memberId(), doc.content, doc.planRef))
                .param("document", json.writeValueAsString(doc))
                .param("at", Timestamp.from(doc.lastRecordedAt))
                .update();
        jdbc.sql("delete from case_deadline where case_id = :id").param("id", doc.id).update();
        for (CaseDocument.DeadlineEntry deadline : doc.deadlines) {
            if (deadline.open) {
                jdbc.sql("""
                        insert into case_deadline (case_id, kind, due_on, committee_id, rule)
                        values (:id, :kind, :due, :committee, :rule) on conflict do nothing""")
                        .param("id", doc.id).param("kind", deadline.kind).param("due", deadline.dueOn)
                        .param("committee", doc.committeeId).param("rule", deadline.rule).update();
            }
        }
    }
}
