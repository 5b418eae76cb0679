package vn.ubkt.casework.platform.axon;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Axon's JPA storage of the events, with the embedded event store's read-ahead bounded.
 * <p>
 * The embedded event store has one reader that follows the store for every processor near its head (the only caller
 * that asks for a stream that may block). Each time it looks, it reads to the head in one go, and the node it started
 * from stays referenced until it has: every event read in that pass is in memory at once. After a bulk of 626,571
 * events the processors catching up on it held 300,095 events live (586 to 867 MiB after a full collection, in the
 * 1 GiB heap). Cut to {@code readAhead} events a pass, the reader starts its next pass at once from where it stopped,
 * as long as some stream follows it: {@link HeadFollower} is that stream, so the reader never stops between passes
 * and a processor that reaches the head finds its place in the cache.
 */
final class BoundedReadAheadStorageEngine extends JpaEventStorageEngine {

    private final int readAhead;

    BoundedReadAheadStorageEngine(JpaEventStorageEngine.Builder builder, int readAhead) {
        super(builder);
        this.readAhead = readAhead;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(readAhead) : events;
    }
}
