package vn.ubkt.casework.query.deadletters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.query.admin.ProjectionDefinition;
import vn.ubkt.casework.query.platform.NotFoundException;

/**
 * The dead letters of every processor, read from the shared table so that any node answers for all of them; a retry
 * hands a case's letters to its processor's handlers again, a skip drops one letter and records who did it and why.
 */
@Component
class DeadLetters {

    static final String METRIC = "casework.dead.letters";
    /** Axon names its letters with UUIDs: anything else names none, and never reaches the database. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-fA-F-]{36}");

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final PoisonEvents poisons;
    private final TransactionTemplate transactions;
    private final JsonMapper json = JsonMapper.builder().build();

    DeadLetters(JdbcClient jdbc, EventProcessingConfiguration processing, PoisonEvents poisons,
                PlatformTransactionManager transactionManager, List<ProjectionDefinition> projections,
                ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.poisons = poisons;
        this.transactions = new TransactionTemplate(transactionManager);
        meters.ifAvailable(registry -> projections.forEach(projection -> Gauge
                .builder(METRIC, () -> count(projection.name()))
                .description("Events a projection could not handle, and those held back behind them")
                .tag("processor", projection.name())
                .register(registry)));
    }

    /** The outcome of a retry or a skip: the letters of the case still waiting afterwards. */
    record Outcome(String id, String processor, String caseId, long remaining) {
    }

    List<DeadLetterView> list() {
        return jdbc.sql(SELECT + " order by d.enqueued_at, d.sequence_index").query(this::view).list();
    }

    Optional<DeadLetterView> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where d.dead_letter_id = :id").param("id", id).query(this::view).optional();
    }

    /** Hands the case's dead letters, from its first, to the processor's handlers again (after the cause is fixed). */
    Outcome retry(String id) {
        DeadLetterView letter = find(id).orElseThrow(() -> new NotFoundException("deadLetter", id));
        processSequence(letter.processor(), letter.caseId());
        return new Outcome(id, letter.processor(), letter.caseId(), remaining(letter.processor(), letter.caseId()));
    }

    /**
     * Drops one letter for good, recording who and why, then hands the case's letters held back behind it to the
     * handlers again: they waited only because of it.
     */
    Outcome skip(String id, String actor, String reason) {
        DeadLetterView letter = find(id).orElseThrow(() -> new NotFoundException("deadLetter", id));
        transactions.executeWithoutResult(status -> {
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(letter.processor())
                    .orElseThrow(() -> new NotFoundException("deadLetter", id));
            for (DeadLetter<? extends EventMessage<?>> candidate : queue.deadLetterSequence(letter.caseId())) {
                if (candidate instanceof JpaDeadLetter<?> stored && stored.getId().equals(id)) {
                    queue.evict(candidate);
                }
            }
            jdbc.sql("""
                    insert into dead_letter_skip (dead_letter_id, processor, case_id, event_type, global_index, error,
                                                  skipped_by, reason, skipped_at)
                    values (:id, :processor, :caseId, :eventType, :globalIndex, :error, :actor, :reason, :at)""")
                    .param("id", id).param("processor", letter.processor()).param("caseId", letter.caseId())
                    .param("eventType", letter.eventType()).param("globalIndex", letter.globalIndex())
                    .param("error", letter.error()).param("actor", actor).param("reason", reason)
                    .param("at", java.sql.Timestamp.from(Instant.now()))
                    .update();
        });
        if (remaining(letter.processor(), letter.caseId()) > 0) {
            processSequence(letter.processor(), letter.caseId());
        }
        return new Outcome(id, letter.processor(), letter.caseId(), remaining(letter.processor(), letter.caseId()));
    }

    private void processSequence(String processor, String caseId) {
        processing.sequencedDeadLetterProcessor(processor).ifPresent(queue -> poisons.retrying(() -> queue.process(
                letter -> letter instanceof JpaDeadLetter<?> stored && stored.getSequenceIdentifier().equals(caseId))));
    }

    private long remaining(String processor, String caseId) {
        return jdbc.sql("select count(*) from dead_letter_entry where processing_group = :p and sequence_identifier = :c")
                .param("p", processor).param("c", caseId).query(Long.class).single();
    }

    private long count(String processor) {
        return jdbc.sql("select count(*) from dead_letter_entry where processing_group = :p")
                .param("p", processor).query(Long.class).single();
    }

    private static final String SELECT = """
            select d.dead_letter_id, d.processing_group, d.sequence_identifier, d.payload_type, e.global_index,
                   d.cause_type, d.cause_message, d.diagnostics, d.enqueued_at
            from dead_letter_entry d left join domain_event_entry e on e.event_identifier = d.event_identifier""";

    private DeadLetterView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String type = rs.getString(4);
        String causeType = rs.getString(6);
        long global = rs.getLong(5);
        return new DeadLetterView(rs.getString(1), rs.getString(2), rs.getString(3),
                type.substring(type.lastIndexOf('.') + 1), rs.wasNull() ? null : global,
                causeType == null ? null : causeType + ": " + rs.getString(7), attempts(rs.getBytes(8)),
                rs.getTimestamp(9).toInstant());
    }

    private long attempts(byte[] diagnostics) {
        if (diagnostics == null || diagnostics.length == 0) {
            return 0;
        }
        var attempts = json.readTree(diagnostics).get(PoisonEvents.ATTEMPTS);
        return attempts == null ? 0 : attempts.asLong();
    }
}
