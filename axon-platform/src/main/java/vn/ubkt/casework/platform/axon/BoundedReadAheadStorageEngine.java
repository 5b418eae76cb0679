package vn.ubkt.casework.platform.axon;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

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
