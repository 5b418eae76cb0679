package vn.ubkt.casework.platform.axon;

import java.time.Duration;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the embedded event store's reader within reach of {@link HeadFollower}, so that the follower never falls out
 * of the store's cache.
 * <p>
 * The store's reader reads only while some stream follows its cache, and a stream that has fallen out of the cache
 * (its clean-up moves every stream that the cache's oldest event has passed to a read of its own) comes back only
 * where its position is one of the cache's. If the follower falls out while the processors are behind (a bulk
 * catch-up, on two busy cores), nothing follows the cache any more: the reader stops for good, and every stream that
 * then reads past the cache's last event finds no place in it and polls the store once a second. That is the symptom
 * measured once at a million cases (a projection lag of 1 s for every case, not seen again), and what
 * {@code HeadFollowerTest} shows in small. Before each of its passes the reader waits here until the follower is
 * at most {@code slack} positions behind where the pass starts; with a pass of at most {@code readAhead} events and a
 * cache of more than {@code slack + readAhead}, the follower stays in the cache.
 * <p>
 * The wait is bounded ({@code patience}): a follower that does not move (stopped, or starved for that long) is
 * reported and the reader goes on. A store without a follower (the command side's) never waits.
 */
public final class ReaderLeash {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderLeash.class);

    private final long slack;
    private final long patienceNanos;
    private volatile boolean attached;
    private volatile long followed = Long.MIN_VALUE;
    private volatile boolean readerWaiting;

    /**
     * @param slack    how many positions the reader may start a pass ahead of the follower
     * @param patience the longest a reader waits before a pass
     */
    ReaderLeash(long slack, Duration patience) {
        if (slack < 0) {
            throw new IllegalArgumentException("slack must not be negative: " + slack);
        }
        this.slack = slack;
        this.patienceNanos = patience.toNanos();
    }

    /**
     * A leash for a store that caches {@code cachedEvents} and reads at most {@code readAhead} a pass: the reader may
     * start a pass {@code cachedEvents - 2 * readAhead} positions ahead of the follower, so that a pass later the
     * follower is at most {@code cachedEvents - readAhead} behind, inside the cache, with a pass to spare.
     */
    public static ReaderLeash forCache(int cachedEvents, int readAhead, Duration patience) {
        return new ReaderLeash(cachedEvents - 2L * readAhead, patience);
    }

    /** The follower starts following: from now on the reader waits for it. */
    void attach() {
        attached = true;
    }

    /** The follower stops: the reader no longer waits, and a reader waiting now goes on. */
    void detach() {
        attached = false;
        wake();
    }

    /** The follower has passed the event at this position (a tracking token's {@link TrackingToken#position()}). */
    void passed(long position) {
        if (position > followed) {
            followed = position;
            if (readerWaiting) {
                wake();
            }
        }
    }

    /**
     * Called by the store's reader before a pass from {@code from}: returns once the follower is within
     * {@code slack} positions of it, it is detached, or the patience has run out.
     *
     * @return whether the reader went on without the follower (patience ran out)
     */
    boolean awaitFollower(TrackingToken from) throws InterruptedException {
        OptionalLong position = from == null ? OptionalLong.empty() : from.position();
        if (!attached || position.isEmpty()) {
            return false;
        }
        long start = position.getAsLong();
        long deadline = System.nanoTime() + patienceNanos;
        synchronized (this) {
            readerWaiting = true;
            try {
                while (attached && followed < start - slack) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn("The event store's reader waited {} ms for its head follower (at position {}) to come"
                                        + " within {} of position {}; it goes on without it",
                                patienceNanos / 1_000_000, followed == Long.MIN_VALUE ? "none" : followed, slack,
                                start);
                        return true;
                    }
                    wait(left / 1_000_000, (int) (left % 1_000_000));
                }
                return false;
            } finally {
                readerWaiting = false;
            }
        }
    }

    /** The last position the follower passed, {@link Long#MIN_VALUE} before the first. */
    long followed() {
        return followed;
    }

    private synchronized void wake() {
        notifyAll();
    }
}
