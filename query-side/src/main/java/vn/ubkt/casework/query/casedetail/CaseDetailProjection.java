package vn.ubkt.casework.query.casedetail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.events.cases.CaseEvent;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.query.platform.EventBatch;
import vn.ubkt.casework.query.platform.LiveUpdates;

/**
 * Keeps each case's document and the columns its lists filter on. Idempotent: an event whose sequence the
 * stored document already holds changes nothing. Events are handled in batches ({@link EventBatch}): a batch
 * reads its cases' documents in one query and writes each changed case once.
 */
@Component
@ProcessingGroup(CaseDetailProjection.NAME)
class CaseDetailProjection {

    static final String NAME = "case-detail";

    private final NamedParameterJdbcTemplate template;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LiveUpdates live;

    /** {@code live} is null for a rebuild, which no page watches. */
    CaseDetailProjection(NamedParameterJdbcTemplate template, JsonMapper json, LiveUpdates live) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.json = json;
        this.live = live;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        Batch batch = EventBatch.current(NAME, Batch::new);
        CaseDocument doc = batch.document(event.caseId().value());
        if (sequence <= doc.version) {
            return;
        }
        CaseFold.apply(doc, event, sequence, recordedAt);
        batch.changed.put(doc.id, doc);
    }

    /**
     * The documents of a batch's cases, read in one query when its first event is handled, folded in memory, and
     * written once per case in batched statements before the batch commits.
     */
    private final class Batch implements EventBatch.State {

        private final Map<String, CaseDocument> documents = new HashMap<>();
        private final Map<String, CaseDocument> changed = new LinkedHashMap<>();

        Batch(List<EventMessage<?>> messages) {
            Set<String> ids = new HashSet<>();
            for (EventMessage<?> message : messages) {
                if (CaseEvent.class.isAssignableFrom(message.getPayloadType())) {
                    ids.add(((CaseEvent) message.getPayload()).caseId().value());
                }
            }
            if (!ids.isEmpty()) {
                jdbc.sql("select document::text from case_view where id = any(:ids)")
                        .param("ids", ids.toArray(String[]::new))
                        .query(String.class).list()
                        .forEach(text -> {
                            CaseDocument doc = json.readValue(text, CaseDocument.class);
                            documents.put(doc.id, doc);
                        });
            }
        }

        CaseDocument document(String id) {
            return documents.computeIfAbsent(id, missing -> jdbc.sql("select document::text from case_view where id = :id")
                    .param("id", missing).query(String.class).optional()
                    .map(text -> json.readValue(text, CaseDocument.class))
                    .orElseGet(CaseDocument::new));
        }

        @Override
        public void flush() {
            if (changed.isEmpty()) {
                return;
            }
            save(changed.values());
            if (live != null) {
                for (CaseDocument doc : changed.values()) {
                    live.changed("case", doc.id, doc.version, doc.committeeId,
                            doc.subject instanceof Subject.Member member ? member.memberId() : null);
                }
            }
            changed.clear();
        }
    }

    private void save(Collection<CaseDocument> docs) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        List<MapSqlParameterSource> deadlines = new ArrayList<>();
        for (CaseDocument doc : docs) {
            Subject.Member member = doc.subject instanceof Subject.Member m ? m : null;
            String search = String.join(" ", member == null ? "" : member.fullName(),
                    member == null ? "" : member.memberId(), doc.content, doc.planRef);
            rows.add(new MapSqlParameterSource()
                    .addValue("id", doc.id).addValue("version", doc.version)
                    .addValue("type", doc.type == null ? null : doc.type.name())
                    .addValue("status", doc.status == null ? null : doc.status.name())
                    .addValue("committee", doc.committeeId)
                    .addValue("subjectType", member == null ? "ORGANIZATION" : "MEMBER")
                    .addValue("org", doc.subject.organizationId().value())
                    .addValue("member", member == null ? null : member.memberId())
                    .addValue("name", member == null ? null : member.fullName())
                    .addValue("plannedOn", doc.plannedOn)
                    .addValue("search", search)
                    .addValue("words", SearchWords.vector(search))
                    .addValue("document", json.writeValueAsString(doc))
                    .addValue("at", Timestamp.from(doc.lastRecordedAt)));
            for (CaseDocument.DeadlineEntry deadline : doc.deadlines) {
                if (deadline.open) {
                    deadlines.add(new MapSqlParameterSource().addValue("id", doc.id).addValue("kind", deadline.kind)
                            .addValue("due", deadline.dueOn).addValue("committee", doc.committeeId)
                            .addValue("rule", deadline.rule));
                }
            }
        }
        template.batchUpdate("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_text, search_words, document,
                                       updated_at)
                values (:id, :version, :type, :status, :committee, :subjectType, :org, :member, :name, :plannedOn,
                        casework_fold(:search), array_to_tsvector(string_to_array(:words, ' ')), cast(:document as jsonb),
                        :at)
                on conflict (id) do update set version = excluded.version, status = excluded.status,
                        committee_id = excluded.committee_id, search_text = excluded.search_text,
                        search_words = excluded.search_words,
                        document = excluded.document, updated_at = excluded.updated_at""",
                rows.toArray(MapSqlParameterSource[]::new));
        jdbc.sql("delete from case_deadline where case_id = any(:ids)")
                .param("ids", docs.stream().map(doc -> doc.id).toArray(String[]::new)).update();
        if (!deadlines.isEmpty()) {
            template.batchUpdate("""
                    insert into case_deadline (case_id, kind, due_on, committee_id, rule)
                    values (:id, :kind, :due, :committee, :rule) on conflict do nothing""",
                    deadlines.toArray(MapSqlParameterSource[]::new));
        }
    }
}
