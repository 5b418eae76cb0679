package vn.ubkt.casework.query.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the query side reads its read models from: a streaming replica of the database when the deployment names
 * one ({@code casework.query.replica.url}), else the primary. Everything that writes — the projections, the read
 * audit, the sealer, dead letters, rebuilds, form locks, archived reports, the token store — uses the primary
 * ({@link #primary()}, the application's own data source), and so does every question about the event store that a
 * read's answer depends on (has this version of a case been recorded?): the replica may not have it yet.
 *
 * <p>A replica replays the primary's write-ahead log a moment behind it. A read with {@code minVersion} waits for the
 * read model as the replica shows it, so read-your-writes holds; a lock of the forms, which must count every event
 * up to the head, waits until the replica has replayed what the primary had written ({@link #awaitReplay}); pages are
 * told of a change only once the replica shows it ({@link #whenVisible}). Replica statements run one by one in
 * auto-commit: no transaction is held open on a standby, where it would hold back replay (or be cancelled by it).
 */
@Component
public class ReadDatabase implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReadDatabase.class);

    /** How long a change waits to be announced before it is announced anyway (a replica down or far behind). */
    private static final Duration ANNOUNCE_AT_MOST_AFTER = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;
    /** The name the replica's connections give themselves, unless the URL names one. */
    public static final String APPLICATION_NAME = "casework-query-replica";

    private final JdbcClient primary;
    private final HikariDataSource replicaSource;
    private final JdbcClient replica;
    private final JdbcClient plannedEachTime;
    private final ConcurrentLinkedQueue<Runnable> toAnnounce = new ConcurrentLinkedQueue<>();
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final ScheduledExecutorService announcer;

    private record Waiting(String lsn, List<Runnable> actions, long deadline) {
    }

    ReadDatabase(JdbcClient primary, javax.sql.DataSource primarySource, Environment environment,
                 ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        this.primary = primary;
        String url = environment.getProperty("casework.query.replica.url");
        if (url == null || url.isBlank()) {
            this.replicaSource = null;
            this.replica = null;
            this.plannedEachTime = PlannedEachTime.client(primarySource);
            this.announcer = null;
            return;
        }
        HikariDataSource source = new HikariDataSource();
        source.setPoolName("casework-replica");
        source.setJdbcUrl(url);
        source.setUsername(environment.getProperty("casework.query.replica.username",
                environment.getProperty("spring.datasource.username")));
        source.setPassword(environment.getProperty("casework.query.replica.password",
                environment.getProperty("spring.datasource.password")));
        source.setMaximumPoolSize(environment.getProperty("casework.query.replica.maximum-pool-size", Integer.class, 10));
        source.setReadOnly(true);
        // a read waits this long for a connection before it is answered 503 (FallbackProblems), not Hikari's 30 s
        source.setConnectionTimeout(environment.getProperty("casework.query.replica.connection-timeout",
                Duration.class, Duration.ofSeconds(3)).toMillis());
        if (!url.contains("ApplicationName=")) {
            // so that the replica's pg_stat_activity tells these connections apart
            source.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        }
        // a replica that is down when the node starts makes the node unready, not unable to start
        source.setInitializationFailTimeout(-1);
        meters.ifAvailable(source::setMetricRegistry);
        this.replicaSource = source;
        this.replica = JdbcClient.create(source);
        this.plannedEachTime = PlannedEachTime.client(source);
        this.announcer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "casework-replica-announcer");
            thread.setDaemon(true);
            return thread;
        });
        announcer.scheduleWithFixedDelay(this::announce, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Read models are read from the replica {}", url.replaceAll("password=[^&]*", "password=…"));
    }

    /** The database read models are read from: the replica when there is one, else the primary. */
    public JdbcClient readModel() {
        return replica != null ? replica : primary;
    }

    /**
     * The read model as {@link #readModel()}, for statements whose best plan depends on their values (searches): each
     * is planned with its values at every execution ({@link PlannedEachTime}).
     */
    public JdbcClient readModelPlannedEachTime() {
        return plannedEachTime;
    }

    /** The primary: for every write, and for reading the event store or anything a moment's lag would falsify. */
    public JdbcClient primary() {
        return primary;
    }

    public boolean replicated() {
        return replica != null;
    }

    /**
     * Waits until the read models read through {@link #readModel()} show every transaction the primary had committed
     * when this was called; true at once without a replica.
     */
    public boolean awaitReplay(Duration timeout) throws InterruptedException {
        if (replica == null) {
            return true;
        }
        String lsn = primaryPosition();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!replayed(lsn)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /**
     * Runs {@code action} once the read models read through {@link #readModel()} show what the primary has committed
     * now (at once without a replica): a page told of a change fetches it from the replica and must find it there.
     */
    public void whenVisible(Runnable action) {
        if (replica == null) {
            action.run();
        } else {
            toAnnounce.add(action);
        }
    }

    /** The replica's state, for the readiness probe: in recovery (a standby) and how far behind, in bytes and time. */
    public java.util.Map<String, Object> replicaStatus() {
        return replica.sql("""
                        select pg_is_in_recovery(),
                               pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()),
                               extract(epoch from now() - pg_last_xact_replay_timestamp())""")
                .query((rs, n) -> {
                    java.util.Map<String, Object> status = new java.util.LinkedHashMap<>();
                    status.put("standby", rs.getBoolean(1));
                    status.put("replayBehindBytes", rs.getObject(2));
                    status.put("lastReplayedSecondsAgo", rs.getObject(3));
                    return status;
                }).single();
    }

    private String primaryPosition() {
        return primary.sql("select pg_current_wal_lsn()::text").query(String.class).single();
    }

    /** Whether the replica has replayed the primary's log up to {@code lsn} (a database not in recovery has it all). */
    private boolean replayed(String lsn) {
        return replica.sql("select not pg_is_in_recovery() or pg_last_wal_replay_lsn() >= cast(:lsn as pg_lsn)")
                .param("lsn", lsn).query(Boolean.class).single();
    }

    /**
     * One round of the announcer: the changes queued since the last round wait for the primary's position read now
     * (after their commits), and every group the replica has replayed, or that waited too long, is announced in order.
     */
    private void announce() {
        try {
            if (!toAnnounce.isEmpty()) {
                List<Runnable> actions = new ArrayList<>();
                for (Runnable action; (action = toAnnounce.poll()) != null; ) {
                    actions.add(action);
                }
                String position;
                try {
                    position = primaryPosition();
                } catch (RuntimeException e) {
                    position = null;
                }
                waiting.add(new Waiting(position, actions, System.nanoTime() + ANNOUNCE_AT_MOST_AFTER.toNanos()));
            }
            while (!waiting.isEmpty()) {
                Waiting first = waiting.peek();
                boolean due = first.lsn() == null || System.nanoTime() > first.deadline();
                if (!due && !replayed(first.lsn())) {
                    return;
                }
                waiting.poll();
                first.actions().forEach(ReadDatabase::runQuietly);
            }
        } catch (RuntimeException e) {
            // the primary or the replica did not answer: announce what waits rather than keep pages waiting for ever
            LOG.debug("Announcing changes without waiting for the replica: {}", e.toString());
            while (!waiting.isEmpty()) {
                waiting.poll().actions().forEach(ReadDatabase::runQuietly);
            }
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.debug("A change could not be announced: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        if (announcer != null) {
            announcer.shutdownNow();
        }
        if (replicaSource != null) {
            replicaSource.close();
        }
    }
}
