package vn.ubkt.casework.query.casedetail;

import java.sql.Timestamp;
import java.sql.Types;
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
    /**
     * Each committee's region words ({@link RegionWords}) once found: the tree only grows, so words found earlier are
     * still among those a search ORs. A committee that reached no province is asked again by the next batch.
     */
    private final Map<String, List<String>> regions = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Single words this instance knows are in search_word (V19): added once the transaction that wrote them has
     * committed, so a batch rolled back leaves none of its words here that the table lacks. At most
     * {@link #KNOWN_WORDS}; a word beyond is written again by every batch that meets it, which changes nothing.
     */
    private final Set<String> knownWords = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int KNOWN_WORDS = 200_000;

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
        // after every event, not once per batch: the committees a case acted through are the same whatever batches
        // its events came in, live or in a rebuild
        batch.committees.add(doc.committeeId);
    }

    /**
     * The documents of a batch's cases, read in one query when its first event is handled, folded in memory, and
     * written once per case in batched statements before the batch commits.
     */
    private final class Batch implements EventBatch.State {

        private final Map<String, CaseDocument> documents = new HashMap<>();
        private final Map<String, CaseDocument> changed = new LinkedHashMap<>();
        /** The acting committees the batch's events left on their cases, in order: segments insert them alike. */
        private final Set<String> committees = new java.util.TreeSet<>();

        Batch(List<EventMessage<?>> messages) {
            Set<String> ids = new HashSet<>();
            for (EventMessage<?> message : messages) {
                if (CaseEvent.class.isAssignableFrom(message.getPayloadType())) {
                    ids.add(((CaseEvent) message.getPayload()).caseId().value());
                }
            }
            if (!ids.isEmpty()) {
                jdbc.sql("select document::text from case_document where id = any(:ids)")
                        .param("ids", ids.toArray(String[]::new))
                        .query(String.class).list()
                        .forEach(text -> {
                            CaseDocument doc = json.readValue(text, CaseDocument.class);
                            documents.put(doc.id, doc);
                        });
                // a case the read found no document of is new: asked again one by one, each new case of a batch cost a
                // query of its own (a rebuild's first pass asked once for nearly every case of the store)
                ids.forEach(id -> documents.computeIfAbsent(id, absent -> new CaseDocument()));
            }
        }

        CaseDocument document(String id) {
            return documents.computeIfAbsent(id, missing -> jdbc.sql("select document::text from case_document where id = :id")
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
            if (!committees.isEmpty()) {
                // in the committees' order in every transaction: two segments meeting a new committee at once wait for
                // each other without a deadlock
                jdbc.sql("insert into case_committee (committee_id) select id from unnest(cast(:ids as text[])) with"
                                + " ordinality as c (id, n) order by n on conflict do nothing")
                        .param("ids", committees.toArray(String[]::new)).update();
                committees.clear();
            }
            if (live != null) {
                for (CaseDocument doc : changed.values()) {
                    live.changed("case", doc.id, doc.version, doc.committeeId,
                            doc.subject instanceof Subject.Member member ? member.memberId() : null);
                }
            }
            changed.clear();
        }
    }

    /** The batch's rows, documents and open deadlines, in batched statements with positional parameters. */
    private void save(Collection<CaseDocument> docs) {
        Set<String> unknown = new java.util.TreeSet<>();
        for (CaseDocument doc : docs) {
            if (doc.committeeId != null && !regions.containsKey(doc.committeeId)) {
                unknown.add(doc.committeeId);
            }
        }
        if (!unknown.isEmpty()) {
            RegionWords.of(jdbc, unknown).forEach((committee, words) -> {
                if (!words.equals(List.of(RegionWords.NONE))) {
                    regions.put(committee, words);
                }
            });
        }
        List<Object[]> deadlines = new ArrayList<>();
        for (CaseDocument doc : docs) {
            for (CaseDocument.DeadlineEntry deadline : doc.deadlines) {
                if (deadline.open) {
                    deadlines.add(new Object[] {doc.id, deadline.kind, deadline.dueOn, doc.committeeId, deadline.rule});
                }
            }
        }
        // each case's words once: its words' and its pairs' vectors, and the single words search_word may not hold yet
        Map<CaseDocument, Vectors> vectors = new java.util.IdentityHashMap<>();
        Set<String> newWords = new java.util.TreeSet<>();
        for (CaseDocument doc : docs) {
            Subject.Member member = doc.subject instanceof Subject.Member m ? m : null;
            List<String> words = SearchWords.words(String.join(" ", member == null ? "" : member.fullName(),
                    member == null ? "" : member.memberId(), doc.content, doc.planRef));
            vectors.put(doc, new Vectors(SearchWords.singleWords(words), SearchWords.wordPairs(words)));
            for (String word : words) {
                if (!knownWords.contains(word)) {
                    newWords.add(word);
                }
            }
        }
        template.getJdbcTemplate().batchUpdate("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_words, search_pairs,
                                       updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, array_to_tsvector(string_to_array(?, ' ')),
                        array_to_tsvector(string_to_array(?, ' ')), ?)
                on conflict (id) do update set version = excluded.version, status = excluded.status,
                        committee_id = excluded.committee_id, search_words = excluded.search_words,
                        search_pairs = excluded.search_pairs, updated_at = excluded.updated_at""",
                docs, docs.size(), (ps, doc) -> {
                    Subject.Member member = doc.subject instanceof Subject.Member m ? m : null;
                    ps.setString(1, doc.id);
                    ps.setLong(2, doc.version);
                    ps.setString(3, doc.type == null ? null : doc.type.name());
                    ps.setString(4, doc.status == null ? null : doc.status.name());
                    ps.setString(5, doc.committeeId);
                    ps.setString(6, member == null ? "ORGANIZATION" : "MEMBER");
                    ps.setString(7, doc.subject.organizationId().value());
                    ps.setString(8, member == null ? null : member.memberId());
                    ps.setString(9, member == null ? null : member.fullName());
                    ps.setObject(10, doc.plannedOn, Types.DATE);
                    // the case's words and its pairs, each then with its provinces' (identifiers: no space in them)
                    Vectors vector = vectors.get(doc);
                    String region = String.join(" ", regions.getOrDefault(doc.committeeId, List.of(RegionWords.NONE)));
                    ps.setString(11, withRegion(vector.words(), region));
                    ps.setString(12, withRegion(vector.pairs(), region));
                    ps.setTimestamp(13, Timestamp.from(doc.lastRecordedAt));
                });
        // the documents in their own table (V20), in the same transaction as their rows
        template.getJdbcTemplate().batchUpdate("""
                insert into case_document (id, document) values (?, cast(? as jsonb))
                on conflict (id) do update set document = excluded.document""", docs, docs.size(), (ps, doc) -> {
                    ps.setString(1, doc.id);
                    ps.setString(2, json.writeValueAsString(doc));
                });
        if (!newWords.isEmpty()) {
            // in the words' order in every transaction, as the committees: two segments meeting new words at once wait
            // for each other without a deadlock
            jdbc.sql("insert into search_word (word) select w from unnest(cast(:words as text[])) with ordinality"
                            + " as s (w, n) order by n on conflict do nothing")
                    .param("words", newWords.toArray(String[]::new)).update();
            if (org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
                org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().afterCommit(done -> {
                    if (knownWords.size() < KNOWN_WORDS) {
                        knownWords.addAll(newWords);
                    }
                });
            }
        }
        jdbc.sql("delete from case_deadline where case_id = any(:ids)")
                .param("ids", docs.stream().map(doc -> doc.id).toArray(String[]::new)).update();
        if (!deadlines.isEmpty()) {
            template.getJdbcTemplate().batchUpdate("""
                    insert into case_deadline (case_id, kind, due_on, committee_id, rule)
                    values (?, ?, ?, ?, ?) on conflict do nothing""", deadlines, deadlines.size(), (ps, row) -> {
                        ps.setString(1, (String) row[0]);
                        ps.setString(2, (String) row[1]);
                        ps.setObject(3, row[2], Types.DATE);
                        ps.setString(4, (String) row[3]);
                        ps.setString(5, (String) row[4]);
                    });
        }
    }

    /** A case's lexemes for its two columns (V21), each separated by spaces, before its provinces' words. */
    private record Vectors(String words, String pairs) {
    }

    /** A column's lexemes followed by the case's provinces' words (identifiers: no space in them). */
    private static String withRegion(String lexemes, String region) {
        return lexemes.isEmpty() ? region : lexemes + " " + region;
    }
}
