package vn.ubkt.casework.platform.axon;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.hibernate.Session;

/**
 * Axon's JPA storage of the events, with the embedded event store's read-ahead bounded and held within reach of
 * {@link HeadFollower}.
 * <p>
 * The embedded event store has one reader that follows the store for every processor near its head (the only caller
 * that asks for a stream that may block). Each time it looks, it reads to the head in one go, and the node it started
 * from stays referenced until it has: every event read in that pass is in memory at once. After a bulk of 626,571
 * events the processors catching up on it held 300,095 events live (586 to 867 MiB after a full collection, in the
 * 1 GiB heap). Cut to {@code readAhead} events a pass, the reader starts its next pass at once from where it stopped,
 * as long as some stream follows it: {@link HeadFollower} is that stream, so the reader never stops between passes
 * and a processor that reaches the head finds its place in the cache. Before each pass the reader waits for the
 * follower to come within reach ({@link ReaderLeash}), so that the follower itself never falls out of the cache.
 * <p>
 * The events after a token are read by the JPA store's own query, sent as SQL on the transaction's connection
 * ({@link #fetchEvents}).
 */
final class BoundedReadAheadStorageEngine extends JpaEventStorageEngine {

    private final int readAhead;
    private final ReaderLeash leash;

    BoundedReadAheadStorageEngine(JpaEventStorageEngine.Builder builder, int readAhead, ReaderLeash leash) {
        super(builder);
        this.readAhead = readAhead;
        this.leash = leash;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return pass(leash, readAhead, trackingToken, mayBlock, () -> super.readEvents(trackingToken, mayBlock));
    }

    /** The columns of the JPA store's query, in its order: what {@code fetchTrackedEvents} reads from each row. */
    private static final String COLUMNS = "select global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry ";
    private static final String AFTER = COLUMNS + "where global_index > ? order by global_index limit ?";
    private static final String AFTER_OR_GAPS = COLUMNS
            + "where global_index > ? or global_index = any(?) order by global_index limit ?";

    /**
     * The events after {@code token} and in its gaps, at most a batch, as the JPA store's query reads them. Hibernate
     * translated that query anew at every read whose token had gaps, the list of gaps being part of its text: the
     * reader's largest cost (docs/BENCHMARKS.md, "The event store's reader, by SQL"). Here the gaps are one array
     * parameter and the statement is prepared once per connection.
     */
    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        long after = token == null ? -1L : token.getIndex();
        Long[] gaps = token == null ? new Long[0] : token.getGaps().toArray(Long[]::new);
        int batch = batchSize();
        return entityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(gaps.length == 0 ? AFTER : AFTER_OR_GAPS)) {
                int parameter = 1;
                select.setLong(parameter++, after);
                Array gapArray = gaps.length == 0 ? null : connection.createArrayOf("bigint", gaps);
                if (gapArray != null) {
                    select.setArray(parameter++, gapArray);
                }
                select.setInt(parameter, batch);
                List<Object[]> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new Object[]{rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getLong(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                rows.getString(8), rows.getBytes(9), rows.getBytes(10)});
                    }
                } finally {
                    if (gapArray != null) {
                        gapArray.free();
                    }
                }
                return entries;
            }
        });
    }

    /**
     * A read of the store: the embedded store's reader's (the only one that may block) waits for the follower and is
     * cut to {@code readAhead} events; any other is the store's own.
     */
    static <T> Stream<? extends T> pass(ReaderLeash leash, int readAhead, TrackingToken from, boolean mayBlock,
                                        Supplier<? extends Stream<? extends T>> read) {
        if (!mayBlock) {
            return read.get();
        }
        try {
            leash.awaitFollower(from);
        } catch (InterruptedException e) {
            // the store is shutting down its reader: it will see the flag at its next wait
            Thread.currentThread().interrupt();
        }
        return read.get().limit(readAhead);
    }
}
