package vn.ubkt.casework.query.platform;

import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Shares each projection's segments evenly between the query nodes alive. Axon's tracking processor claims every
 * segment it has a thread for, so the first node up would keep them all; each node therefore says it is alive
 * ({@code query_node}) every claim interval, and a node holding more than its share of a processor's segments releases
 * one for a few intervals, for a node with fewer to claim. A node that stops says so and releases its claims; a killed
 * node's claims expire after the token store's claim timeout and are taken by the others.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Duration interval;
    private final String nodeId = UUID.randomUUID().toString();
    private ScheduledExecutorService scheduler;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcClient jdbc,
                    @Value("${casework.projections.token-claim-interval:2s}") Duration interval) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::balanceQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            try {
                jdbc.sql("delete from query_node where node_id = :id").param("id", nodeId).update();
            } catch (RuntimeException e) {
                log.debug("Could not sign this node off", e);
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Starts after the processors and stops before them, so a node signs off while its claims are still held. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("Segment balancing skipped this round: {}", e.getMessage());
        }
    }

    void balance() {
        jdbc.sql("""
                insert into query_node (node_id, last_seen) values (:id, now())
                on conflict (node_id) do update set last_seen = now()""").param("id", nodeId).update();
        Duration alive = interval.multipliedBy(3);
        long nodes = Math.max(1, jdbc.sql("select count(*) from query_node where last_seen > now() - cast(:alive as interval)")
                .param("alive", alive.toMillis() + " milliseconds").query(Long.class).single());
        jdbc.sql("delete from query_node where last_seen < now() - interval '1 hour'").update();
        streaming(processing).forEach((name, processor) -> {
            if (!processor.isRunning() || processor.isError()) {
                return;
            }
            long segments = jdbc.sql("select count(*) from token_entry where processor_name = :name")
                    .param("name", name).query(Long.class).single();
            long share = (segments + nodes - 1) / nodes;
            var mine = processor.processingStatus().keySet();
            if (mine.size() > share) {
                int released = mine.stream().max(Comparator.naturalOrder()).orElseThrow();
                log.info("Releasing segment {} of {}: {} held here, {} nodes share {}", released, name, mine.size(),
                        nodes, segments);
                processor.releaseSegment(released, alive.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The tracking processors of this node, by name. */
    static java.util.Map<String, StreamingEventProcessor> streaming(EventProcessingConfiguration processing) {
        java.util.Map<String, StreamingEventProcessor> streaming = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }
}
