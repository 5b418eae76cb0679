package vn.ubkt.casework.query.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Seals the event store into the Merkle log: one worker per deployment (a PostgreSQL advisory lock held by its
 * connection; another instance waits and takes over if it dies), reading {@code domain_event_entry} rows in global
 * order as stored and appending their leaves and completed subtrees in the same transaction. It is neither a trigger
 * (which would slow every append) nor an event handler (which sees deserialized messages, not the stored bytes).
 *
 * <p>Gaps are waited for as Axon's tracking token does: a global index not yet visible may belong to a transaction
 * still in flight, so the sealer stops there until the row appears, or no transaction that could hold it is open any
 * more, or the gap timeout passes; then it records the gap in {@code integrity_gap} and goes on. A row committed after its gap was recorded is never sealed, and the
 * verifier reports it as {@code INSERTED}: that is the honest answer, since nothing can tell it from a row slipped in.
 */
public class Sealer implements SmartLifecycle {

    /** The advisory lock key: "sealer" in ASCII. */
    static final long LOCK = 0x7365616c6572L;
    private static final Logger log = LoggerFactory.getLogger(Sealer.class);

    public enum State { STARTING, RUNNING, STANDBY, STOPPED, DISABLED }

    public record Settings(boolean enabled, Duration pollInterval, int batchSize, Duration gapTimeout,
                           Duration checkpointInterval) {
    }

    private final DataSource dataSource;
    private final Checkpoints checkpoints;
    private final Settings settings;
    private final AtomicReference<State> state = new AtomicReference<>(State.STOPPED);
    private volatile Thread worker;
    private volatile boolean running;
    private volatile Instant gapSince;
    private volatile long sealed;
    private volatile double lastRate;

    // owned by the worker thread
    private MerkleTree.Frontier frontier;
    private long next;
    private long gapAt = -1;
    private java.sql.Timestamp gapSeenInDatabase;
    private Instant lastCheckpoint = Instant.EPOCH;

    public Sealer(DataSource dataSource, Checkpoints checkpoints, Settings settings) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
        this.settings = settings;
    }

    public State state() {
        return state.get();
    }

    /** Since when the sealer has been waiting at a gap, if it is. */
    public Instant gapSince() {
        return gapSince;
    }

    /** Leaves sealed by this process since it started, and the rate of its last full batch (events per second). */
    public long sealedHere() {
        return sealed;
    }

    public double lastRate() {
        return lastRate;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            state.set(State.DISABLED);
            return;
        }
        running = true;
        state.set(State.STARTING);
        worker = new Thread(this::work, "integrity-sealer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state.get() != State.DISABLED) {
            state.set(State.STOPPED);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the processors: started late, stopped early, always before the data source closes
        return Integer.MAX_VALUE - 1000;
    }

    private void work() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                if (!lock(connection)) {
                    state.set(State.STANDBY);
                    sleep(Duration.ofSeconds(5));
                    continue;
                }
                try {
                    load(connection);
                    state.set(State.RUNNING);
                    while (running) {
                        int count = sealBatch(connection);
                        checkpointIfDue();
                        if (count < settings.batchSize()) {
                            sleep(settings.pollInterval());
                        }
                    }
                } finally {
                    unlock(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("The sealer stopped on an error and starts again: {}", e.toString());
                    state.set(State.STARTING);
                    sleep(Duration.ofSeconds(2));
                }
            }
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            statement.setLong(1, LOCK);
            statement.execute();
        } catch (SQLException e) {
            // the lock goes with the session anyway
        }
    }

    /** Where the log stands: its right edge from the stored subtrees, and the next global index to seal. */
    private void load(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        long size;
        long last;
        try (PreparedStatement statement = connection.prepareStatement("""
                select (select coalesce(max(leaf_index) + 1, 0) from integrity_leaf),
                       greatest((select coalesce(max(global_index), 0) from integrity_leaf),
                                (select coalesce(max(last_global_index), 0) from integrity_gap))""");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            size = rs.getLong(1);
            last = rs.getLong(2);
        }
        frontier = MerkleTree.Frontier.of(size, (level, index) -> hash(connection, level, index));
        // the event store's sequence starts at 1 (db/eventstore V1): nothing before it can be skipped unseen
        next = last + 1;
        gapAt = -1;
        gapSince = null;
    }

    private static byte[] hash(Connection connection, int level, long index) {
        String sql = level == 0 ? "select leaf_hash from integrity_leaf where leaf_index = ?"
                : "select hash from integrity_node where level = ? and node_index = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (level == 0) {
                statement.setLong(1, index);
            } else {
                statement.setInt(1, level);
                statement.setLong(2, index);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the ledger has no node " + level + "/" + index);
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seals the next rows in one transaction; answers how many rows it read. */
    private int sealBatch(Connection connection) throws SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        List<EventLeaf> leaves = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + EventLeaf.COLUMNS
                + " from domain_event_entry where global_index >= ? order by global_index limit ?")) {
            select.setLong(1, next);
            select.setInt(2, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    leaves.add(EventLeaf.read(rs));
                }
            }
        }
        MerkleTree.Frontier before = MerkleTree.Frontier.copyOf(frontier);
        long nextBefore = next;
        int appended = 0;
        try (PreparedStatement leaf = connection.prepareStatement(
                "insert into integrity_leaf (leaf_index, global_index, event_identifier, leaf_hash) values (?, ?, ?, ?)");
             PreparedStatement node = connection.prepareStatement(
                     "insert into integrity_node (level, node_index, hash) values (?, ?, ?)");
             PreparedStatement gap = connection.prepareStatement(
                     "insert into integrity_gap (first_global_index, last_global_index, after_leaf) values (?, ?, ?)")) {
            for (EventLeaf row : leaves) {
                if (row.globalIndex() > next && !passGap(connection, row.globalIndex(), gap)) {
                    break;
                }
                for (MerkleTree.Frontier.Node completed : frontier.append(row.leafHash())) {
                    if (completed.level() == 0) {
                        leaf.setLong(1, completed.index());
                        leaf.setLong(2, row.globalIndex());
                        leaf.setString(3, row.eventIdentifier());
                        leaf.setBytes(4, completed.hash());
                        leaf.addBatch();
                    } else {
                        node.setInt(1, completed.level());
                        node.setLong(2, completed.index());
                        node.setBytes(3, completed.hash());
                        node.addBatch();
                    }
                }
                next = row.globalIndex() + 1;
                appended++;
            }
            if (appended > 0) {
                leaf.executeBatch();
                node.executeBatch();
            }
            gap.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            frontier = before;
            next = nextBefore;
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        sealed += appended;
        if (appended == settings.batchSize()) {
            lastRate = appended / ((System.nanoTime() - started) / 1e9);
        }
        return appended == leaves.size() ? leaves.size() : 0;
    }

    /**
     * Whether the sealer may pass the missing indexes before {@code found}; records them as a gap when it may. A gap is
     * final once no transaction that began before it was seen is still open (a transaction holding the missing index
     * began before the later row was written): then the index was rolled back. Otherwise it is waited for until the
     * gap timeout, as when other roles' sessions cannot be seen.
     */
    private boolean passGap(Connection connection, long found, PreparedStatement gap) throws SQLException {
        if (gapAt != next) {
            gapAt = next;
            gapSince = Instant.now();
            gapSeenInDatabase = databaseNow(connection);
            return false;
        }
        boolean timedOut = Duration.between(gapSince, Instant.now()).compareTo(settings.gapTimeout()) >= 0;
        if (!timedOut && !noTransactionOlderThan(connection, gapSeenInDatabase)) {
            return false;
        }
        log.info("Global indexes {} to {} held no event ({}): recorded as a gap", next, found - 1,
                timedOut ? "after the gap timeout of " + settings.gapTimeout() : "no transaction that could hold them is open");
        gap.setLong(1, next);
        gap.setLong(2, found - 1);
        gap.setLong(3, frontier.size());
        gap.addBatch();
        gapAt = -1;
        gapSince = null;
        next = found;
        return true;
    }

    private static java.sql.Timestamp databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select clock_timestamp()");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private static boolean noTransactionOlderThan(Connection connection, java.sql.Timestamp seen) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*) filter (where xact_start < ?), count(*) filter (where state is null)
                from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'""")) {
            statement.setTimestamp(1, seen);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0 && rs.getLong(2) == 0;
            }
        }
    }

    private void checkpointIfDue() {
        long issued = checkpoints.latestSize();
        if (frontier.size() > issued && Duration.between(lastCheckpoint, Instant.now())
                .compareTo(settings.checkpointInterval()) >= 0) {
            checkpoints.issue(frontier.size(), frontier.root());
            lastCheckpoint = Instant.now();
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
