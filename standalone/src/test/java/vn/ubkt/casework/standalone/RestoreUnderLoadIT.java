package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.ubkt.casework.query.admin.ProjectionDefinition;

/**
 * The runbook's backup and restore (docs/OPERATIONS.md, "Restore a dump"), done as an operator would while commands keep
 * arriving: {@code pg_dump --format=custom} of the running product's database, {@code pg_restore} into a new database,
 * the product started on it, every projection rebuilt. Debian's PostgreSQL server and its {@code pg_dump} and
 * {@code pg_restore} of the same version, started here (the embedded PostgreSQL is a newer major version than the
 * machine's client programs).
 */
@DisplayName("A pg_dump taken under load restores to read models equal to the originals")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreUnderLoadIT {

    private static final int WRITERS = 3;

    private record Ack(String caseId, long version, long at) {
    }

    private DebianPostgres postgres;
    private DebianPostgres.Server server;
    private RunningApp original;
    private RunningApp restored;
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final AtomicInteger plans = new AtomicInteger();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    @BeforeAll
    void start() {
        postgres = DebianPostgres.installed();
        server = postgres.startPrimary("origin");
        server.createDatabase("casework");
        original = RunningApp.startOn(server.jdbcUrl("casework"), new SpringApplicationBuilder(StandaloneApplication.class))
                .withTester(true);
        new CaseworkScenario(original).province("");
    }

    @AfterAll
    void stop() throws InterruptedException {
        loading.set(false);
        writers.shutdownNow();
        writers.awaitTermination(30, TimeUnit.SECONDS);
        for (RunningApp app : new RunningApp[] {restored, original}) {
            if (app != null) {
                app.close();
            }
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    @DisplayName("every command acknowledged before the dump is in the restore, the restored read models equal a "
            + "rebuild from the restored events and the originals' rows for the same events")
    void restoreOfADumpTakenUnderLoad() throws Exception {
        for (int w = 0; w < WRITERS; w++) {
            writers.submit(this::write);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acks.size() >= 60 || !failures.isEmpty());
        assertThat(failures).as("commands under load").isEmpty();

        // the runbook's nightly backup, taken while the writers go on
        Path dump = postgres.file("casework.dump");
        long dumpStarted = System.nanoTime();
        postgres.run(false, postgres.program("pg_dump").toString(), "--format=custom", "--no-owner",
                "--file=" + dump, "--host=127.0.0.1", "--port=" + server.port(), "--username=postgres", "casework");
        long dumpFinished = System.nanoTime();
        Thread.sleep(500);
        loading.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).as("commands under load").isEmpty();
        List<Ack> before = acks.stream().filter(ack -> ack.at() < dumpStarted).toList();
        long during = acks.stream().filter(ack -> ack.at() > dumpStarted && ack.at() < dumpFinished).count();
        long after = acks.stream().filter(ack -> ack.at() > dumpStarted).count();
        assertThat(during).as("commands acknowledged while pg_dump ran (" + before.size() + " before, "
                + after + " after it started)").isPositive();

        // the runbook's restore into a new database, and the product started on it
        server.createDatabase("restored");
        postgres.run(false, postgres.program("pg_restore").toString(), "--no-owner", "--jobs=2",
                "--host=127.0.0.1", "--port=" + server.port(), "--username=postgres", "--dbname=restored", dump.toString());
        restored = RunningApp.startOn(server.jdbcUrl("restored"), new SpringApplicationBuilder(StandaloneApplication.class));
        JdbcClient restoredDb = server.jdbc("restored");
        JdbcClient originalDb = server.jdbc("casework");
        long restoredEvents = count(restoredDb, "domain_event_entry");
        assertThat(restoredEvents).isLessThan(count(originalDb, "domain_event_entry"));

        // every command acknowledged before the dump started is in the restored event store
        Set<String> restoredSteps = new HashSet<>(restoredDb.sql(
                "select aggregate_identifier || '/' || sequence_number from domain_event_entry").query(String.class).list());
        List<String> missing = before.stream().map(ack -> ack.caseId() + "/" + ack.version())
                .filter(step -> !restoredSteps.contains(step)).toList();
        assertThat(missing).as(before.size() + " commands acknowledged before the dump").isEmpty();

        // the restored processors go on from the tokens in the dump (claimed by the original node: taken over after the
        // claim timeout) to every restored event; each read model then shows each case at its last restored version
        caughtUp(restored, restoredDb);
        Map<String, Long> restoredVersions = versions(restoredDb);
        Map<String, Long> lastRestoredSequence = new HashMap<>();
        restoredDb.sql("""
                        select aggregate_identifier, max(sequence_number) from domain_event_entry
                        where type = 'InspectionCase' group by aggregate_identifier""")
                .query((rs, n) -> lastRestoredSequence.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(restoredVersions).isEqualTo(lastRestoredSequence);
        for (Ack ack : before) {
            assertThat(restoredVersions.get(ack.caseId())).as(ack.toString()).isGreaterThanOrEqualTo(ack.version());
        }

        // every projection rebuilt from the restored events agrees with the restored live tables
        List<String> projections = restored.context.getBeansOfType(ProjectionDefinition.class).values().stream()
                .map(ProjectionDefinition::name).sorted().toList();
        assertThat(projections).contains("case-detail", "statistics", "committee-tree", "complaints", "suspensions");
        for (String projection : projections) {
            Http.Response accepted = restored.http.post("/api/admin/projections/" + projection + "/rebuild", "");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            for (JsonNode projection : restored.http.get("/api/admin/projections").json()) {
                JsonNode rebuild = projection.get("lastRebuild");
                if (rebuild.isNull() || !rebuild.get("status").asString().equals("DONE")) {
                    assertThat(rebuild.isNull() || !rebuild.get("status").asString().equals("FAILED"))
                            .as(projection.toString()).isTrue();
                    return false;
                }
            }
            return true;
        });
        for (JsonNode projection : restored.http.get("/api/admin/projections").json()) {
            JsonNode rebuild = projection.get("lastRebuild");
            assertThat(rebuild.get("agreed").asBoolean()).as(projection.toString()).isTrue();
            assertThat(rebuild.get("differences").asLong()).as(projection.toString()).isZero();
            assertThat(rebuild.get("events").asLong()).as(projection.toString()).isEqualTo(restoredEvents);
        }

        // and the restored read models equal the originals' wherever both were computed from the same events: the tree,
        // every case whose last event is in the dump, and the statistics' facts of every restored event
        caughtUp(original, originalDb);
        assertThat(rows(restoredDb, "select n::text from committee_node n order by id"))
                .isEqualTo(rows(originalDb, "select n::text from committee_node n order by id"));
        assertThat(rows(restoredDb, "select l::text from committee_parent_link l order by node_id, sequence"))
                .isEqualTo(rows(originalDb, "select l::text from committee_parent_link l order by node_id, sequence"));
        Map<String, Long> originalVersions = versions(originalDb);
        String[] unchanged = restoredVersions.entrySet().stream()
                .filter(entry -> entry.getValue().equals(originalVersions.get(entry.getKey())))
                .map(Map.Entry::getKey).sorted().toArray(String[]::new);
        assertThat(unchanged).as("cases with no event after the dump").contains(before.stream()
                .filter(ack -> ack.version() == 2).map(Ack::caseId).toArray(String[]::new));
        for (String sql : List.of("select c::text from case_view c where id = any(:ids) order by id",
                "select d::text from case_document d where id = any(:ids) order by id",
                "select d::text from case_deadline d where case_id = any(:ids) order by case_id, kind, d::text")) {
            assertThat(restoredDb.sql(sql).param("ids", unchanged).query(String.class).list()).as(sql)
                    .isEqualTo(originalDb.sql(sql).param("ids", unchanged).query(String.class).list());
        }
        String[] restoredKeys = restoredDb.sql("select aggregate_identifier || '/' || sequence_number from domain_event_entry")
                .query(String.class).list().toArray(String[]::new);
        String facts = "select f::text from stat_fact f where aggregate_id || '/' || sequence = any(:keys)"
                + " order by aggregate_id, sequence";
        List<String> restoredFacts = restoredDb.sql(facts).param("keys", restoredKeys).query(String.class).list();
        assertThat(restoredFacts).isNotEmpty().isEqualTo(originalDb.sql(facts).param("keys", restoredKeys)
                .query(String.class).list());
        assertThat(count(restoredDb, "stat_fact")).isEqualTo(restoredFacts.size());

        System.out.printf("RestoreUnderLoadIT: %d commands acknowledged before pg_dump started, %d while it ran (%.1f s),"
                        + " %d after it started; %d of %d events restored; %d cases unchanged since, %d facts compared%n",
                before.size(), during, (dumpFinished - dumpStarted) / 1e9, after, restoredEvents,
                count(originalDb, "domain_event_entry"), unchanged.length, restoredFacts.size());

        // the restored record verifies against the checkpoints signed before the dump
        Http.Response verified = restored.http.post("/api/integrity/verify", "");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("ok").asBoolean()).as(verified.toString()).isTrue();
    }

    /** One writer: plans, opens and concludes cases until told to stop, noting each acknowledged version. */
    private void write() {
        CaseworkScenario scenario = new CaseworkScenario(original);
        try {
            while (loading.get()) {
                int n = plans.incrementAndGet();
                String caseId = scenario.plan("INSPECTION_TASK_PERFORMANCE", "UBKT-TU",
                        "{\"type\": \"ORGANIZATION\", \"organizationId\": \"DU-XA\"}",
                        "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát, lượt " + n,
                        "KH " + n + "-KH/UBKTTU", "2026-02-02", "2026-02-09", "2026-04-30");
                acks.add(new Ack(caseId, 0, System.nanoTime()));
                if (!loading.get()) {
                    return;
                }
                scenario.step(caseId, "open", CaseworkScenario.openBody("2026-02-09", "QĐ " + n + "-QĐ/UBKTTU"), "OPEN", 1);
                acks.add(new Ack(caseId, 1, System.nanoTime()));
                if (!loading.get()) {
                    return;
                }
                scenario.step(caseId, "conclude", """
                        {"concludedOn": "2026-04-20", "conclusionRef": "Thông báo kết luận số %d-TB/UBKTTU",
                         "outcome": "NO_VIOLATION", "violationCategories": [], "disciplineWarranted": false,
                         "summary": "Thực hiện đúng quy định"}""".formatted(n), "CONCLUDED", 2);
                acks.add(new Ack(caseId, 2, System.nanoTime()));
            }
        } catch (Throwable e) {
            if (loading.get()) {
                failures.add(e);
            }
        }
    }

    /**
     * Waits until every segment of every processor has passed every event of the database: its token in
     * {@code token_entry} (a gap-aware token, {@code {"index": …}}) at the head or beyond.
     */
    private static void caughtUp(RunningApp app, JdbcClient db) {
        long head = db.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(db.sql("""
                        select processor_name || '/' || segment || ' ' || coalesce(convert_from(token, 'UTF8'), 'no token')
                        from token_entry
                        where coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1) < :head""")
                .param("head", head).query(String.class).list()).as("segments behind " + head).isEmpty());
        assertThat(app.http.get("/api/admin/projections").json()).allSatisfy(projection ->
                assertThat(projection.get("lag").asLong()).as(projection.toString()).isZero());
    }

    private static Map<String, Long> versions(JdbcClient db) {
        Map<String, Long> versions = new HashMap<>();
        db.sql("select id, version from case_view").query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2))).list();
        return versions;
    }

    private static List<String> rows(JdbcClient db, String sql) {
        return new ArrayList<>(db.sql(sql).query(String.class).list());
    }

    private static long count(JdbcClient db, String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }
}
