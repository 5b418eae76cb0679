package vn.ubkt.casework.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ubkt.casework.query.platform.EventBatch;

/**
 * Status of every read model, and rebuilds that never stop reads: the event store is replayed into copies
 * of the tables in a schema of their own while the live tables keep answering; then the live processor is
 * paused, the copies catch up to exactly where it stood, both are compared table by table, and the copies
 * take the live tables' place in one transaction. The processor then resumes from its own position; every
 * projection ignores an event it already holds, so events the copy was given ahead of it change nothing.
 */
@Component
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);
    private static final int BATCH = 2_000;
    /**
     * Threads applying a replay's batches, each its own part of every batch in a transaction of its own, as the live
     * processors' two segments share the events: the applying thread spent most of its time waiting for its one
     * PostgreSQL backend (docs/BENCHMARKS.md, "Rebuilds").
     */
    private static final int APPLIERS = 2;

    private final Map<String, ProjectionDefinition> definitions;
    private final EventProcessingConfiguration processing;
    private final ReplayReader storage;
    private final Serializer tokens;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, RebuildView> rebuilds = new ConcurrentHashMap<>();

    ProjectionAdmin(List<ProjectionDefinition> definitions, EventProcessingConfiguration processing,
                    DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
                    @Qualifier("serializer") Serializer serializer, org.axonframework.config.Configuration axon,
                    TransactionManager axonTransactions, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.definitions = new java.util.TreeMap<>();
        definitions.forEach(definition -> this.definitions.put(definition.name(), definition));
        this.processing = processing;
        this.storage = ReplayReader.over(dataSource, eventSerializer, serializer, axon.upcasterChain(), axonTransactions,
                BATCH);
        this.tokens = serializer;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public record RebuildView(String status, Instant startedAt, Instant finishedAt, long events, Double eventsPerSecond,
                              Boolean agreed, Long differences, String error) {
    }

    public record ProjectionView(String name, Long position, Long lag, String status, RebuildView lastRebuild) {
    }

    public List<ProjectionView> list() {
        long head = head();
        return definitions.keySet().stream().map(name -> {
            StreamingEventProcessor processor = processor(name);
            Long position = position(processor);
            RebuildView rebuild = rebuilds.get(name);
            String status = rebuild != null && rebuild.status().equals("REBUILDING") ? "REBUILDING"
                    : processor == null ? "UNKNOWN"
                    : processor.isError() ? "ERROR"
                    : processor.isRunning() ? "RUNNING" : "STOPPED";
            return new ProjectionView(name, position, position == null ? null : Math.max(0, head - position), status,
                    rebuild);
        }).toList();
    }

    public boolean exists(String name) {
        return definitions.containsKey(name);
    }

    /** Starts a rebuild in the background; false when one of this projection is already running. */
    public synchronized boolean rebuild(String name) {
        RebuildView current = rebuilds.get(name);
        if (current != null && current.status().equals("REBUILDING")) {
            return false;
        }
        Instant started = Instant.now();
        rebuilds.put(name, new RebuildView("REBUILDING", started, null, 0, null, null, null, null));
        worker.submit(() -> {
            try {
                rebuilds.put(name, run(definitions.get(name), started));
            } catch (Exception e) {
                log.error("Rebuild of {} failed", name, e);
                rebuilds.put(name, new RebuildView("FAILED", started, Instant.now(), 0, null, null, null,
                        String.valueOf(e.getMessage())));
                StreamingEventProcessor processor = processor(name);
                if (processor != null && !processor.isRunning()) {
                    processor.start();
                }
            }
        });
        return true;
    }

    /**
     * Replays the events up to global index {@code upTo} into empty copies of the named projections' tables, made in a
     * new schema {@code schema}, exactly as a rebuild fills its copies; the live tables and processors are left alone.
     * For reads of the past (an archived report recomputed from the first events of the log); the caller drops the
     * schema. Answers the number of events replayed.
     */
    public long replayInto(String schema, long upTo, java.util.Collection<String> names) {
        List<ProjectionDefinition> chosen = names.stream().map(name -> {
            ProjectionDefinition definition = definitions.get(name);
            if (definition == null) {
                throw new IllegalArgumentException("no projection " + name);
            }
            return definition;
        }).toList();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("create schema " + schema).update();
            for (ProjectionDefinition definition : chosen) {
                for (String table : definition.tables()) {
                    copyTable(schema, table);
                }
            }
        });
        long events = 0;
        try {
            for (ProjectionDefinition definition : chosen) {
                events = replay(new AnnotationEventHandlerAdapter(definition.newHandler().apply(jdbc)), schema, null, upTo,
                        false).events();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
        return events;
    }

    private RebuildView run(ProjectionDefinition definition, Instant started) throws InterruptedException {
        String schema = "rebuild_" + definition.name().replace('-', '_');
        transactions.executeWithoutResult(status -> {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
            jdbc.sql("create schema " + schema).update();
            for (String table : definition.tables()) {
                copyTable(schema, table);
            }
        });
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(definition.newHandler().apply(jdbc));
        long count = 0;
        long nanos = System.nanoTime();
        Map<String, List<String>> deferred = dropSecondaryIndexes(schema, definition.tables());
        Map<String, List<String>> keys = dropKeys(schema, definition);
        Replay first = definition.replayedByAggregate().isEmpty() ? replay(handler, schema, null, Long.MAX_VALUE, true)
                : replayByAggregate(handler, schema, definition.replayedByAggregate());
        count += first.events();
        long replayed = System.nanoTime();
        sumByKey(schema, definition);
        long summed = System.nanoTime();
        // each copy made durable, keyed, indexed and analyzed, step by step on two backends: every step runs as soon as
        // what it needs is done, two indexes of one table side by side (docs/BENCHMARKS.md, "Rebuilds, tenth round";
        // before, whole tables in two lanes: "Rebuilds, seventh round" and "ninth round")
        List<List<CopyFinisher.Done>> finished = CopyFinisher.run(
                CopyFinisher.plan(schema, largestFirst(schema, definition.tables()), keys, deferred,
                        analyses(schema, definition.tables())), 2, this::finish);
        long indexed = System.nanoTime();
        StreamingEventProcessor processor = processor(definition.name());
        processor.shutDown();
        // where each of the live processor's segments stopped, as it stored it (a stopped processor reports none): the
        // copy is given every event up to the furthest, and the live tables the events of the other segments up to
        // there too, so that both hold every event up to the same index and are compared exactly. The segments behind
        // meet those events again when the processor starts over the copy, and ignore them as events they hold. (Up
        // to the nearest, as before, the copy lacked what the segments ahead had handled while the keys were built,
        // and never got it: found by a rebuild while cases were planned, ProjectionRebuildIT.)
        List<Long> stopped = storedPositions(definition.name());
        long target = Math.max(first.lastIndex(), stopped.stream().max(Long::compare).orElse(first.lastIndex()));
        Replay second = replay(handler, schema, first.lastToken(), target, false);
        count += second.events();
        long behind = stopped.stream().min(Long::compare).orElse(target);
        if (behind < target) {
            TrackingToken from;
            try {
                from = storage.tokenAt(behind);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("reading the event store's indexes failed", e);
            }
            // by a handler of its own: what the copy's handler remembers having written (case-detail's words) is in
            // the copy, not in the live tables (found as differences by a rebuild while cases were planned)
            replay(new AnnotationEventHandlerAdapter(definition.newHandler().apply(jdbc)), "public", from, target, false);
        }
        long caughtUp = System.nanoTime();
        double seconds = (caughtUp - nanos) / 1e9;

        long differences = transactions.execute(status -> {
            // compared in memory (hashed) where PostgreSQL's default 4 MB would sort each side on disk: 6.1 s against
            // 2.4 s for the statistics' 742,098 counters (docs/BENCHMARKS.md, "Rebuilds")
            jdbc.sql("set local work_mem = '256MB'").update();
            long sum = 0;
            for (String table : definition.tables()) {
                sum += jdbc.sql(differences(definition, schema, table)).query(Long.class).single();
            }
            return sum;
        });
        transactions.executeWithoutResult(status -> {
            for (String table : definition.tables()) {
                // dropped first: the copy's constraints and indexes carry the live ones' names
                jdbc.sql("drop table public." + table).update();
                jdbc.sql("alter table " + schema + "." + table + " set schema public").update();
            }
            jdbc.sql("drop schema " + schema).update();
        });
        processor.start();
        log.info("Rebuilt {}: {} events in {} s (replay {} s; then {} s: sums {} s, then in {}: {}; catching up {} s),"
                        + " {} differences with the live tables, compared and swapped in {} s",
                definition.name(), count, String.format("%.1f", seconds), String.format("%.1f", (replayed - nanos) / 1e9),
                String.format("%.1f", (indexed - replayed) / 1e9), String.format("%.1f", (summed - replayed) / 1e9),
                finished.size() == 1 ? "1 lane" : finished.size() + " lanes",
                String.join("; ", finished.stream().map(lane -> lane.stream().map(CopyFinisher.Done::toString)
                        .collect(java.util.stream.Collectors.joining(", "))).toList()),
                String.format("%.1f", (caughtUp - indexed) / 1e9), differences,
                String.format("%.1f", (System.nanoTime() - caughtUp) / 1e9));
        return new RebuildView("DONE", started, Instant.now(), count, seconds > 0 ? count / seconds : null,
                differences == 0, differences, null);
    }

    private record Replay(long events, TrackingToken lastToken, long lastIndex) {
    }

    /** The copies from the largest (the rows each holds: its heap and TOAST; its indexes are still to build). */
    private List<String> largestFirst(String schema, List<String> tables) {
        return transactions.execute(status -> jdbc.sql("""
                        select t from unnest(cast(:tables as text[])) t
                        order by pg_total_relation_size(cast(:schema || '.' || t as regclass)) desc, t""")
                .param("tables", tables.toArray(String[]::new)).param("schema", schema).query(String.class).list());
    }

    /**
     * One step of finishing the copies, in a transaction of its own. The copies were filled unlogged (no write-ahead
     * record per row); made logged, each is written once to the log whole before it can take a live table's place.
     * Indexes and keys are built once over the loaded rows instead of row by row; the second pass, while the live
     * processor is stopped, is short and maintains them as the live tables do. {@code analyze} gives the planner the
     * copies' every row, not the part autovacuum saw while they were loading.
     */
    private void finish(CopyFinisher.Step step) {
        transactions.executeWithoutResult(status -> {
            // each index's sort in memory, where PostgreSQL's default 64 MB sorts the statistics' counters on disk
            jdbc.sql("set local maintenance_work_mem = '256MB'").update();
            step.statements().forEach(statement -> jdbc.sql(statement).update());
        });
    }

    /**
     * An empty, unlogged copy of a live table in the schema: its columns with their storage, defaults, constraints and indexes
     * ({@code like … including all}), and its storage parameters, which {@code like} leaves behind (case_view's
     * {@code toast_tuple_target} keeps its rows narrow for search).
     */
    private void copyTable(String schema, String table) {
        // unlogged while the replay fills it: a rebuild that fails is dropped and started again, so none of its rows
        // needs a write-ahead record of its own; a rebuild makes its copies logged before they replace the live tables
        jdbc.sql("create unlogged table " + schema + "." + table + " (like public." + table + " including all)").update();
        copyStorageParameters(schema, table);
    }

    /** The live table's storage parameters and its columns' statistics targets, on its copy in the schema. */
    private void copyStorageParameters(String schema, String table) {
        String options = jdbc.sql("select coalesce(array_to_string(reloptions, ', '), '') from pg_class"
                + " where oid = cast(:table as regclass)").param("table", "public." + table).query(String.class).single();
        if (!options.isEmpty()) {
            jdbc.sql("alter table " + schema + "." + table + " set (" + options + ")").update();
        }
        // and its columns' statistics targets, which "like" does not copy (case_view's committees, V14)
        List<String[]> targets = jdbc.sql("select quote_ident(attname), attstattarget::text from pg_attribute"
                        + " where attrelid = cast(:table as regclass) and attnum > 0 and not attisdropped"
                        + " and attstattarget >= 0")
                .param("table", "public." + table).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] target : targets) {
            jdbc.sql("alter table " + schema + "." + table + " alter column " + target[0] + " set statistics " + target[1])
                    .update();
        }
    }

    /**
     * Per copy whose columns' statistics targets differ, the statements that analyze it: the columns of the default
     * target in one, with its sample, and the columns of raised targets in another, with the sample they take (300 rows
     * per unit of the largest target). {@code analyze} of the whole copy samples every column by its largest
     * target: case_view's committees (1,000, V14) made it read 300,000 rows' words and pairs for their statistics,
     * a step on the rebuild's critical lane (docs/BENCHMARKS.md, "Rebuilds, twelfth round"), where the default's
     * 30,000 rows are what every other table gives its vectors. A copy with an expression index is analyzed whole:
     * PostgreSQL keeps its expressions' statistics only when a table is analyzed without a column list.
     */
    private Map<String, List<String>> analyses(String schema, List<String> tables) {
        return transactions.execute(status -> {
            Map<String, List<String>> analyses = new java.util.HashMap<>();
            for (String table : tables) {
                String copy = schema + "." + table;
                // the live table's, which the copy's are (copyStorageParameters), with its indexes, which the copy's
                // secondary indexes were dropped from for the replay
                Map<Boolean, List<String>> byRaised = jdbc.sql("""
                        select quote_ident(a.attname),
                               coalesce(a.attstattarget, -1) > current_setting('default_statistics_target')::int
                        from pg_attribute a
                        where a.attrelid = cast(:table as regclass) and a.attnum > 0 and not a.attisdropped
                          and not exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indexprs is not null)
                        order by a.attnum""")
                        .param("table", "public." + table)
                        .query((rs, n) -> Map.entry(rs.getBoolean(2), rs.getString(1)))
                        .list().stream()
                        .collect(Collectors.partitioningBy(Map.Entry::getKey,
                                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
                List<String> raised = byRaised.get(true);
                List<String> others = byRaised.get(false);
                if (!raised.isEmpty() && !others.isEmpty()) {
                    // the larger sample last: the table's row count is estimated again by each, and kept from the last
                    analyses.put(table, List.of("analyze " + copy + " (" + String.join(", ", others) + ")",
                            "analyze " + copy + " (" + String.join(", ", raised) + ")"));
                }
            }
            return analyses;
        });
    }

    /**
     * Drops the copy's indexes that no constraint stands behind (keys and unique constraints stay: the handlers look
     * rows up and upsert by them) and answers the statements that build them again, as they were.
     */
    private Map<String, List<String>> dropSecondaryIndexes(String schema, List<String> tables) {
        return transactions.execute(status -> {
            Map<String, List<String>> rebuild = new java.util.HashMap<>();
            for (String table : tables) {
                List<String[]> indexes = jdbc.sql("""
                        select quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
                        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
                        where i.indrelid = cast(:table as regclass)
                          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)""")
                        .param("table", schema + "." + table)
                        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
                for (String[] index : indexes) {
                    jdbc.sql("drop index " + index[0]).update();
                    rebuild.computeIfAbsent(table, t -> new java.util.ArrayList<>()).add(index[1]);
                }
            }
            return rebuild;
        });
    }

    /**
     * Drops the primary keys of the copies of the definition's tables unkeyed while replayed, and answers the
     * statements that set them again, as they were.
     */
    private Map<String, List<String>> dropKeys(String schema, ProjectionDefinition definition) {
        return transactions.execute(status -> {
            Map<String, List<String>> restore = new java.util.HashMap<>();
            for (String table : new java.util.TreeSet<>(definition.unkeyedWhileReplayed().keySet())) {
                String copy = schema + "." + table;
                String[] key = jdbc.sql("select quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint"
                                + " where conrelid = cast(:table as regclass) and contype = 'p'")
                        .param("table", copy).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                        .optional().orElseThrow(() -> new IllegalStateException(table + " has no primary key"));
                jdbc.sql("alter table " + copy + " drop constraint " + key[0]).update();
                restore.put(table, List.of("alter table " + copy + " add constraint " + key[0] + " " + key[1]));
            }
            return restore;
        });
    }

    /**
     * After the first pass, the rows of one key made one in each table whose definition sums columns: the copy's rows
     * (the increments) are grouped by every other column into a new copy, those columns summed, and the increments
     * dropped. (Taking the rows out of the copy and putting them back summed, in one statement, took 15.7 s for the
     * statistics' 6.8 million counters of a million cases, against 10.5 s into a new table, and left as many dead rows
     * for making the copy logged to read: docs/BENCHMARKS.md.)
     */
    private void sumByKey(String schema, ProjectionDefinition definition) {
        for (Map.Entry<String, List<String>> table : new java.util.TreeMap<>(definition.unkeyedWhileReplayed()).entrySet()) {
            if (table.getValue().isEmpty()) {
                continue;
            }
            String copy = schema + "." + table.getKey();
            transactions.executeWithoutResult(status -> {
                List<String> columns = jdbc.sql("select attname from pg_attribute where attrelid = cast(:table as regclass)"
                                + " and attnum > 0 and not attisdropped order by attnum")
                        .param("table", copy).query(String.class).list();
                if (!columns.containsAll(table.getValue())) {
                    throw new IllegalStateException(table.getKey() + " has no column " + table.getValue());
                }
                List<String> keys = columns.stream().filter(column -> !table.getValue().contains(column)).toList();
                String select = String.join(", ", columns.stream()
                        .map(column -> keys.contains(column) ? column : "sum(" + column + ")").toList());
                // grouped in memory: the statistics' counters of a million cases are a few million rows
                jdbc.sql("set local work_mem = '256MB'").update();
                String increments = table.getKey() + "_increments";
                jdbc.sql("alter table " + copy + " rename to " + increments).update();
                // its columns, defaults and constraints; its key and indexes are built after, as every copy's
                jdbc.sql("create unlogged table " + copy + " (like " + schema + "." + increments + " including all)")
                        .update();
                copyStorageParameters(schema, table.getKey());
                jdbc.sql("insert into " + copy + " (" + String.join(", ", columns) + ") select " + select + " from "
                        + schema + "." + increments + " group by " + String.join(", ", keys)).update();
                jdbc.sql("drop table " + schema + "." + increments).update();
            });
        }
    }

    /**
     * Feeds events after {@code from} up to index {@code upTo} to the handler, in transactions writing into the schema.
     * A reader thread fetches the next batch from the event store and deserializes the payloads the handler will read
     * (at most two batches wait, in order), while {@value #APPLIERS} appliers apply the batches before it, each its part
     * of every batch (an aggregate's events always in the same part, in order) in a transaction of its own, as the live
     * processors' segments do. Reading and applying overlap instead of adding up, and PostgreSQL works on the parts in
     * two backends at once.
     */
    private Replay replay(AnnotationEventHandlerAdapter handler, String schema, TrackingToken from, long upTo,
                          boolean firstPass) throws InterruptedException {
        return replay(handler, schema, from, firstPass, (chunks, stop) -> {
            TrackingToken last = from;
            long lastIndex = from == null ? -1 : from.position().orElse(-1);
            try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(from, false)) {
                var iterator = stream.iterator();
                List<TrackedEventMessage<?>> batch = new java.util.ArrayList<>(BATCH);
                while (!stop.get() && iterator.hasNext()) {
                    TrackedEventMessage<?> message = iterator.next();
                    OptionalLong index = message.trackingToken().position();
                    if (index.isPresent() && index.getAsLong() > upTo) {
                        break;
                    }
                    if (handler.canHandle(message)) {
                        // deserialized here, on the reader's thread; the message keeps what it deserialized. No
                        // projection's handler reads the metadata (who, from where): it stays undeserialized
                        message.getPayload();
                    }
                    batch.add(message);
                    last = message.trackingToken();
                    lastIndex = index.orElse(lastIndex);
                    if (batch.size() == BATCH) {
                        hand(chunks, stop, new Chunk(batch, last, lastIndex));
                        batch = new java.util.ArrayList<>(BATCH);
                    }
                }
                hand(chunks, stop, new Chunk(batch, last, lastIndex));
            }
        });
    }

    /**
     * A first pass reading the events of some types of aggregate up to the store's last event, aggregate by aggregate
     * ({@link ProjectionDefinition#replayedByAggregate}); it ends at that event's token, as a pass in the log's order
     * would, and the second pass goes on from there in the log's order.
     */
    private Replay replayByAggregate(AnnotationEventHandlerAdapter handler, String schema, List<String> aggregateTypes)
            throws InterruptedException {
        java.util.concurrent.atomic.AtomicLong covered = new java.util.concurrent.atomic.AtomicLong();
        Replay replayed = replay(handler, schema, null, true, (chunks, stop) -> {
            ReplayReader.Pass pass;
            try {
                pass = storage.readByAggregate(aggregateTypes, BATCH, (batch, head, token) -> {
                    if (stop.get()) {
                        throw new InterruptedException("the replay stopped");
                    }
                    for (TrackedEventMessage<?> message : batch) {
                        if (handler.canHandle(message)) {
                            message.getPayload();
                        }
                    }
                    hand(chunks, stop, new Chunk(batch, token, head));
                });
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("reading the event store by aggregate failed", e);
            }
            covered.set(pass.events());
            // the pass's end, even when it read nothing: the second pass starts after the store's last event
            hand(chunks, stop, new Chunk(List.of(), pass.token(), pass.head()));
        });
        // every event of the store up to the pass's last, as a pass in the log's order counts them
        return new Replay(covered.get(), replayed.lastToken(), replayed.lastIndex());
    }

    /** What a replay's reading thread does: hands the batches it reads, in order, to the appliers. */
    private interface Source {
        void read(BlockingQueue<Chunk> chunks, AtomicBoolean stop) throws InterruptedException;
    }

    private Replay replay(AnnotationEventHandlerAdapter handler, String schema, TrackingToken from, boolean firstPass,
                          Source source) throws InterruptedException {
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                source.read(chunks, stop);
                hand(chunks, stop, Chunk.END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                // the applying side must not wait for a batch that will never come
                readFailure.set(e);
                chunks.clear();
                chunks.offer(Chunk.END);
            }
        }, "projection-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        long events = 0;
        TrackingToken last = from;
        long lastIndex = from == null ? -1 : from.position().orElse(-1);
        List<ExecutorService> appliers = java.util.stream.IntStream.range(0, APPLIERS)
                .mapToObj(n -> Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "projection-rebuild-" + n);
                    thread.setDaemon(true);
                    return thread;
                })).toList();
        try {
            List<Future<?>> previous = List.of();
            for (Chunk chunk = chunks.take(); chunk != Chunk.END; chunk = chunks.take()) {
                // each part queued on its applier, behind that applier's part of the batch before; the other applier
                // may still be applying its own part of that batch. Waiting for the batch before's parts only here
                // keeps at most two batches in flight, and stops at the first failure
                List<List<TrackedEventMessage<?>>> parts = byAggregate(chunk.messages());
                List<Future<?>> submitted = new java.util.ArrayList<>();
                for (int n = 0; n < APPLIERS; n++) {
                    List<TrackedEventMessage<?>> part = parts.get(n);
                    submitted.add(appliers.get(n).submit(() -> apply(handler, schema, part, firstPass)));
                }
                awaitAll(previous);
                previous = submitted;
                events += chunk.messages().size();
                last = chunk.last();
                lastIndex = chunk.lastIndex();
            }
            awaitAll(previous);
        } finally {
            stop.set(true);
            chunks.clear();
            reader.interrupt();
            reader.join();
            appliers.forEach(ExecutorService::shutdownNow);
            for (ExecutorService applier : appliers) {
                applier.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            }
        }
        if (readFailure.get() != null) {
            throw new IllegalStateException("reading the event store failed", readFailure.get());
        }
        return new Replay(events, last, lastIndex);
    }

    /**
     * A batch's events in {@value #APPLIERS} parts, each aggregate's events in one part and in their order, as the live
     * processors' segments share them (Axon's default sequencing: by aggregate).
     */
    private static List<List<TrackedEventMessage<?>>> byAggregate(List<TrackedEventMessage<?>> batch) {
        List<List<TrackedEventMessage<?>>> parts = new java.util.ArrayList<>();
        for (int n = 0; n < APPLIERS; n++) {
            parts.add(new java.util.ArrayList<>(batch.size() / APPLIERS + 1));
        }
        for (TrackedEventMessage<?> message : batch) {
            int part = message instanceof DomainEventMessage<?> event
                    ? Math.floorMod(event.getAggregateIdentifier().hashCode(), APPLIERS) : 0;
            parts.get(part).add(message);
        }
        return parts;
    }

    private static void awaitAll(List<Future<?>> applied) throws InterruptedException {
        for (Future<?> future : applied) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException("replaying a batch failed", e.getCause());
            }
        }
    }

    /** A batch read, and the token and index of its last event. */
    private record Chunk(List<TrackedEventMessage<?>> messages, TrackingToken last, long lastIndex) {
        static final Chunk END = new Chunk(List.of(), null, -1);
    }

    private static void hand(BlockingQueue<Chunk> chunks, AtomicBoolean stop, Chunk chunk) throws InterruptedException {
        while (!stop.get() && !chunks.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            // the applying side is still busy; it sets stop if it gave up
        }
    }

    private void apply(AnnotationEventHandlerAdapter handler, String schema, List<TrackedEventMessage<?>> batch,
                       boolean firstPass) {
        if (batch.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local search_path to " + schema + ", public").update();
            // one unit of work for the batch, as a live processor gives its handlers: batched projections read and
            // write once per batch
            BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            if (firstPass) {
                EventBatch.markFirstPass(unitOfWork);
            }
            unitOfWork.executeWithResult(() -> {
                TrackedEventMessage<?> message = unitOfWork.getMessage();
                if (handler.canHandle(message)) {
                    handler.handle(message);
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            for (Map.Entry<org.axonframework.messaging.Message<?>, ExecutionResult> result
                    : unitOfWork.getExecutionResults().entrySet()) {
                if (result.getValue().isExceptionResult()) {
                    throw new IllegalStateException("replaying event " + result.getKey().getIdentifier() + " failed",
                            result.getValue().getExceptionResult());
                }
            }
        });
    }

    /**
     * Waits until the projection has handled every event up to {@code index} of the event store (a figure computed
     * then is the record's up to that index); false when it has not within the timeout.
     */
    public boolean awaitPosition(String name, long index, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Long position = position(processor(name));
            if (position != null && position >= index) {
                return true;
            }
            if (!Instant.now().isBefore(deadline)) {
                return false;
            }
            Thread.sleep(20);
        }
    }

    /** The global index of the last event appended to the event store (0 when there is none). */
    public long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
    }

    /** The lowest position any segment of the processor has reached; null before it claimed one. */
    private static Long position(StreamingEventProcessor processor) {
        if (processor == null) {
            return null;
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return status.values().stream()
                .map(segment -> segment.getCurrentPosition())
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .min(Long::compare)
                .orElse(null);
    }

    /**
     * The index each segment of a processor had reached, read from the token store's table as the processor stored it
     * (its serialized token, deserialized as the token store does); a segment that has handled nothing yet is absent.
     */
    private List<Long> storedPositions(String processorName) {
        return jdbc.sql("select token, token_type from token_entry where processor_name = :name and token is not null")
                .param("name", processorName)
                .query((rs, n) -> tokens.<byte[], TrackingToken>deserialize(
                        new org.axonframework.serialization.SimpleSerializedObject<>(rs.getBytes(1), byte[].class,
                                rs.getString(2), null)).position())
                .list().stream().filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList();
    }

    /** Waits for the running rebuilds to end (tests and benchmarks). */
    public boolean awaitRebuilds(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (rebuilds.values().stream().noneMatch(r -> r.status().equals("REBUILDING"))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * The statement counting the rows in which the live table and its copy differ: a row on one side only counts one, a
     * row of one key that differs two (as many as {@code except all} both ways). A table with a primary key is joined
     * to its copy by it, each side read once in the key's order; without a key, each side is taken from the other.
     * (At a million cases, {@code except all} both ways read each table twice and sorted or hashed every row of both:
     * docs/BENCHMARKS.md, "Rebuilds, tenth round".)
     */
    private String differences(ProjectionDefinition definition, String schema, String table) {
        String columns = compared(definition, table);
        List<String> key = jdbc.sql("""
                        select quote_ident(a.attname) from pg_index i
                        join lateral unnest(i.indkey) with ordinality k(attnum, n) on true
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                        where i.indrelid = cast(:table as regclass) and i.indisprimary order by k.n""")
                .param("table", "public." + table).query(String.class).list();
        if (key.isEmpty() || key.stream().anyMatch(definition.comparedAs().getOrDefault(table, Map.of())::containsKey)) {
            return "select count(*) from ((select " + columns + " from public." + table + " except all select "
                    + columns + " from " + schema + "." + table + ") union all (select " + columns + " from " + schema
                    + "." + table + " except all select " + columns + " from public." + table + ")) d";
        }
        // a whole row "is not null" only when every column is: a side's presence is its key's
        return "select count(*) + count(*) filter (where l." + key.get(0) + " is not null and r." + key.get(0)
                + " is not null) from (select " + columns
                + " from public." + table + ") l full join (select " + columns + " from " + schema + "." + table
                + ") r using (" + String.join(", ", key) + ") where l is distinct from r";
    }

    /**
     * The select list a rebuild compares {@code table} by: every column of the live table in its order, each as it is
     * or as the expression the definition's {@code comparedAs} puts in its place.
     */
    private String compared(ProjectionDefinition definition, String table) {
        Map<String, String> otherwise = definition.comparedAs().getOrDefault(table, Map.of());
        if (otherwise.isEmpty()) {
            return "*";
        }
        List<String> columns = jdbc.sql("select attname from pg_attribute where attrelid = cast(:table as regclass)"
                        + " and attnum > 0 and not attisdropped order by attnum")
                .param("table", "public." + table).query(String.class).list();
        if (!columns.containsAll(otherwise.keySet())) {
            throw new IllegalStateException(table + " has no column " + otherwise.keySet() + " to compare otherwise");
        }
        return String.join(", ", columns.stream()
                .map(column -> otherwise.containsKey(column) ? otherwise.get(column) + " as " + column : column)
                .toList());
    }
}
