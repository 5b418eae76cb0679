package vn.ubkt.casework.platform.axon;

import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A stream of the embedded event store that follows its head and passes over every event at once, so that the store's
 * reader always has a stream to read for.
 * <p>
 * The reader reads only while some stream follows it; the processors' streams stop following it whenever they fall
 * behind its cache (a bulk of events appended at once) and read the store on their own until they reach the head.
 * Then each looks for its place in the reader's cache. With the reader's passes bounded
 * ({@link BoundedReadAheadStorageEngine}), a reader that nobody followed had stopped between two passes, the
 * processors found no place, and they polled the store every second: a measured projection lag of 1 s after a
 * 646,360-event catch-up. This stream keeps the reader going; it is never behind, since it does nothing with what it
 * reads (a payload is not even deserialized). The query side declares it, where the tracking processors are; a node
 * without them (the command side's processors subscribe) would only poll the store for it.
 * <p>
 * The follower must not fall out of the cache itself: with the processors behind, nothing else follows it, and a
 * stream that reads past the cache's last event on its own finds no place in it (the symptom of a lag of 1 s for
 * every case, measured once at a million cases). The reader waits for the follower before each pass
 * ({@link ReaderLeash}), and a follower whose stream failed opens its next one where it was, which is in the cache.
 */
public final class HeadFollower implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(HeadFollower.class);

    private final EmbeddedEventStore store;
    private final ReaderLeash leash;
    private final Runnable beforeEach;
    private volatile boolean running;
    private Thread thread;

    public HeadFollower(EmbeddedEventStore store, ReaderLeash leash) {
        this(store, leash, () -> { });
    }

    /** {@code beforeEach} runs before each event is passed over: a test holds the follower back with it. */
    HeadFollower(EmbeddedEventStore store, ReaderLeash leash, Runnable beforeEach) {
        this.store = store;
        this.leash = leash;
        this.beforeEach = beforeEach;
    }

    @Override
    public synchronized void start() {
        running = true;
        leash.attach();
        thread = new Thread(this::followWhileRunning, "event-store-head-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void followWhileRunning() {
        try {
            follow();
        } finally {
            leash.detach();
        }
    }

    private void follow() {
        TrackingToken last = null;
        while (running) {
            TrackingToken from = last != null ? last : store.createHeadToken();
            if (from != null) {
                from.position().ifPresent(leash::passed);
            }
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(from)) {
                while (running) {
                    // a short wait: a stream moved off the reader's cache comes back to it at its next look
                    if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                        beforeEach.run();
                        last = stream.nextAvailable().trackingToken();
                        last.position().ifPresent(leash::passed);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Following the event store's head failed ({}); trying again in a second", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        leash.detach();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
