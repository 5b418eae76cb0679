package vn.ubkt.casework.query.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.postgresql.PGStatement;

/**
 * What a replay reads the event store with: Axon's JDBC storage engine over the same table the product's JPA engine
 * writes ({@code domain_event_entry}, named in its snake case), used for reading alone. It reads a batch of events a
 * query with plain JDBC and the same serializer, upcasters and gap-aware tokens, where the JPA engine materializes an
 * entity per event 100 at a time: in a profile of the rebuilds, Hibernate's fetch took 40% of the reading thread
 * (docs/BENCHMARKS.md, "Rebuilds").
 *
 * <p>Each event's time is read once. Axon keeps it as the column's text and parses it with a {@code DateTimeFormatter}
 * every time it is asked: once by the engine for its gaps, once more by each handler taking the event's time. The two
 * took 14% of a rebuild's threads (docs/BENCHMARKS.md, "Rebuilds, third round"). Here the engine's entry is given the
 * time parsed once ({@link #instant}), and the tokens are built from it exactly as the engine builds them.
 */
final class ReplayReader extends JdbcEventStorageEngine {

    /** The engine's defaults, set on its builder and used here by the same names. */
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final EventSchema schema;
    private final DataSource dataSource;
    private final EventUpcaster upcasters;

    private ReplayReader(Builder builder, EventSchema schema, DataSource dataSource, EventUpcaster upcasters) {
        super(builder);
        this.schema = schema;
        this.dataSource = dataSource;
        this.upcasters = upcasters;
    }

    static ReplayReader over(DataSource dataSource, Serializer eventSerializer, Serializer serializer,
                             EventUpcaster upcasters, TransactionManager transactions, int batchSize) {
        EventSchema schema = EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
        Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(upcasters)
                .dataType(byte[].class)
                .batchSize(batchSize)
                .maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS)
                .schema(schema);
        return new ReplayReader(builder, schema, dataSource, upcasters);
    }

    /** As the engine's own, with the event's time parsed once and kept by its entry. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        ParsedEntry<?> entry = entry(resultSet);
        boolean allowGaps = entry.at.isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, entry);
    }

    private ParsedEntry<?> entry(ResultSet resultSet) throws SQLException {
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String timestamp = resultSet.getString(schema.timestampColumn());
        return new ParsedEntry<>(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier, timestamp, instant(timestamp),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** The events a pass by aggregate hands on, a batch at a time, each with the pass's last index and token. */
    interface Batches {
        void accept(List<TrackedEventMessage<?>> batch, long head, TrackingToken token) throws InterruptedException;
    }

    /**
     * What a pass by aggregate covered: up to which index of the store, the token it ends at, and how many of the
     * store's events lie up to that index (read, or of a type the pass had no use for).
     */
    record Pass(long head, TrackingToken token, long events) {
    }

    /**
     * Reads the events of some types of aggregate, aggregate by aggregate and each one's in order, deserialized and
     * upcast as the engine's own are, in batches of {@code batchSize}, every event carrying the token of the whole
     * pass ({@link #tokenAt}). One read-only transaction, repeatable read: the store's last index, the token's gaps and
     * the events are read from one snapshot, so that an event committed later below that index is a gap, read once
     * by the pass after this one. The events are read through the store's key on (aggregate, sequence):
     * {@code enable_sort} off keeps PostgreSQL from sorting the whole table on disk instead.
     */
    Pass readByAggregate(List<String> aggregateTypes, int batchSize, Batches batches)
            throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("set local enable_sort = off");
                }
                long head;
                try (Statement last = connection.createStatement();
                     ResultSet rows = last.executeQuery("select coalesce(max(" + schema.globalIndexColumn() + "), 0) from "
                             + schema.domainEventTable())) {
                    rows.next();
                    head = rows.getLong(1);
                }
                GapAwareTrackingToken token = tokenAt(connection, head);
                try (PreparedStatement query = connection.prepareStatement("select * from " + schema.domainEventTable()
                        + " where " + schema.typeColumn() + " = any(?) and " + schema.globalIndexColumn() + " <= ?"
                        + " order by " + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn())) {
                    query.setFetchSize(batchSize);
                    // the payloads and metadata in binary: a statement run once is sent in the text format, each bytea
                    // value encoded as hex by the server and decoded by the driver, 15% of a rebuild's threads in a
                    // profile of case-detail's (docs/BENCHMARKS.md, "Rebuilds, fifth round")
                    if (query.isWrapperFor(PGStatement.class)) {
                        query.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    }
                    query.setArray(1, connection.createArrayOf("varchar", aggregateTypes.toArray()));
                    query.setLong(2, head);
                    try (ResultSet rows = query.executeQuery()) {
                        List<TrackedEventData<?>> batch = new ArrayList<>(batchSize);
                        boolean more = rows.next();
                        while (more) {
                            batch.add(new TrackedDomainEventData<>(token, entry(rows)));
                            more = rows.next();
                            if (batch.size() == batchSize || !more) {
                                batches.accept(EventUtils.upcastAndDeserializeTrackedEvents(batch.stream(),
                                                getEventSerializer(), upcasters).collect(Collectors.toCollection(ArrayList::new)),
                                        head, token);
                                batch = new ArrayList<>(batchSize);
                            }
                        }
                    }
                }
                // the events of the store the pass covered, as a pass in the log's order counts every event it reads,
                // those its projection passes over too (GET /api/admin/projections: a rebuild's events)
                long covered;
                try (Statement count = connection.createStatement();
                     ResultSet rows = count.executeQuery("select count(*) from " + schema.domainEventTable() + " where "
                             + schema.globalIndexColumn() + " <= " + head)) {
                    rows.next();
                    covered = rows.getLong(1);
                }
                return new Pass(head, token, covered);
            } finally {
                connection.rollback();
            }
        }
    }

    /** {@link #tokenAt(Connection, long)} on a connection of its own. */
    GapAwareTrackingToken tokenAt(long head) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return tokenAt(connection, head);
        }
    }

    /**
     * The token of a reader that has read every event up to {@code head}, as the engine's own would be after reading
     * them in order: its index, and as gaps every index of the last {@value #MAX_GAP_OFFSET} up to it that holds no
     * event (a transaction still open may commit one there). The engine keeps such gaps only while they are younger
     * than its timeout; kept here whatever their age, they cost the next reading a look at them and lose nothing.
     * Null when the store is empty.
     */
    private GapAwareTrackingToken tokenAt(Connection connection, long head) throws SQLException {
        if (head < LOWEST_GLOBAL_SEQUENCE) {
            return null;
        }
        long from = Math.max(LOWEST_GLOBAL_SEQUENCE, head - MAX_GAP_OFFSET + 1);
        java.util.SortedSet<Long> gaps = LongStream.rangeClosed(from, head).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
        try (PreparedStatement query = connection.prepareStatement("select " + schema.globalIndexColumn() + " from "
                + schema.domainEventTable() + " where " + schema.globalIndexColumn() + " between ? and ?")) {
            query.setLong(1, from);
            query.setLong(2, head);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    gaps.remove(rows.getLong(1));
                }
            }
        }
        gaps.remove(head);
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    /**
     * The instant of a {@code time_stamp} as Axon writes it ({@code 2026-12-01T12:09:13.888Z}: UTC, seconds and 3 to 9
     * digits of their fraction), read by position; anything else (another form, a year beyond 9999, a date that does
     * not exist) is left to Axon's own parsing, which answers or refuses it as it always did.
     */
    static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 3 || fraction > 9) {
                return DateTimeUtils.parseInstant(text);
            }
            nanos = digits(text, 20, length - 1);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || nanos < 0) {
            return DateTimeUtils.parseInstant(text);
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException notADate) {
            return DateTimeUtils.parseInstant(text);
        }
    }

    /** The decimal number of the characters from {@code start} to {@code end}; -1 if one is not an ASCII digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** An entry that answers the time it was given, parsed, instead of parsing its text at each question. */
    private static final class ParsedEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant at;

        ParsedEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                    String timestamp, Instant at, String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.at = at;
        }

        @Override
        public Instant getTimestamp() {
            return at;
        }
    }
}
