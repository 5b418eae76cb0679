package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ubkt.casework.command.CommandSideApplication;
import vn.ubkt.casework.query.QuerySideApplication;
import vn.ubkt.casework.query.platform.ReadDatabase;

/**
 * The query side reading its read models from a hot standby while its projections, the read audit and everything else
 * that writes go to the primary (docs/OPERATIONS.md, "Reads from a replica"). Both servers are Debian's PostgreSQL,
 * started here: the primary with {@code wal_level=replica}, the standby from {@code pg_basebackup -R}, streaming.
 * Replay on the standby is paused to show which database answers: a read without {@code minVersion} is then stale, one
 * with it waits until replay resumes.
 */
@DisplayName("Reads from a streaming replica")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaReadsIT {

    private static final String DATABASE = "casework";

    private DebianPostgres postgres;
    private DebianPostgres.Server primary;
    private DebianPostgres.Server standby;
    private RunningApp command;
    private RunningApp query;
    private CaseworkScenario scenario;
    private int plans;

    @BeforeAll
    void start() {
        postgres = DebianPostgres.installed();
        primary = postgres.startPrimary("primary");
        primary.createDatabase(DATABASE);
        standby = postgres.startStandby(primary, "standby");
        command = RunningApp.startOn(primary.jdbcUrl(DATABASE), CommandSideApplication.application()).withTester(true);
        query = RunningApp.startOn(primary.jdbcUrl(DATABASE), QuerySideApplication.application(),
                "casework.query.replica.url=" + standby.jdbcUrl(DATABASE), "casework.query.replica.username=postgres",
                "casework.query.replica.password=");
        scenario = new CaseworkScenario(command);
        scenario.province("");
        await().atMost(Duration.ofSeconds(30)).until(() -> query.http.get("/api/committees/DU-XA").status() == 200);
    }

    @AfterAll
    void stop() {
        try {
            if (standby != null) {
                resumeReplay();
            }
        } finally {
            for (RunningApp app : new RunningApp[] {query, command}) {
                if (app != null) {
                    app.close();
                }
            }
            if (postgres != null) {
                postgres.stop();
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("the read models are read through connections to the standby, which is in recovery")
    void readsAreServedByTheStandby() {
        String caseId = planAndOpen();
        assertThat(query.http.get("/api/cases/" + caseId + "?minVersion=1").status()).isEqualTo(200);
        assertThat(query.http.get("/api/cases?size=50").status()).isEqualTo(200);

        ReadDatabase database = query.context.getBean(ReadDatabase.class);
        assertThat(database.replicated()).isTrue();
        assertThat(database.readModel().sql("select pg_is_in_recovery()").query(Boolean.class).single())
                .as("the read models' connection is to a standby").isTrue();
        assertThat(database.readModel().sql("select inet_server_port()").query(Integer.class).single())
                .isEqualTo(standby.port());
        assertThat(database.primary().sql("select pg_is_in_recovery()").query(Boolean.class).single())
                .as("the primary is not in recovery").isFalse();
        // the replica's pool is seen on the standby under its own name, and never on the primary
        assertThat(countReplicaSessions(standby)).isPositive();
        assertThat(countReplicaSessions(primary)).isZero();
        assertThat(database.replicaStatus()).containsEntry("standby", true);
        assertThat(query.http.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    @DisplayName("with replay paused a plain read is stale, a read with minVersion waits for replay and then answers the "
            + "new version, and a version never recorded is 404 at once")
    void minVersionIsReadYourWritesOnAReplica() throws Exception {
        String caseId = planAndOpen();
        assertThat(read(caseId, "?minVersion=1").status()).isEqualTo(200);

        pauseReplay();
        try {
            // a step recorded and projected on the primary while the standby stands still
            concludeWithoutDiscipline(caseId, 2);
            JdbcClient onPrimary = primary.jdbc(DATABASE);
            await().atMost(Duration.ofSeconds(20)).until(() -> onPrimary
                    .sql("select version from case_view where id = :id").param("id", caseId).query(Long.class).single() == 2);
            // and a case planned meanwhile: recorded on the primary, not yet on the standby
            String planned = plan();

            Http.Response stale = read(caseId, "");
            assertThat(stale.status()).isEqualTo(200);
            assertThat(stale.json().get("version").asLong()).as("answered by the paused standby").isEqualTo(1);
            assertThat(stale.json().get("status").asString()).isEqualTo("OPEN");

            long before = System.nanoTime();
            Http.Response never = read(caseId, "?minVersion=3");
            assertThat(never.status()).as(never.toString()).isEqualTo(404);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("404 at once, from the primary's event store")
                    .isLessThan(Duration.ofSeconds(2));

            // pages hear of a change only once the standby shows it (else they would fetch the old state)
            CountDownLatch announced = new CountDownLatch(1);
            query.context.getBean(ReadDatabase.class).whenVisible(announced::countDown);
            CompletableFuture<Http.Response> waiting = CompletableFuture.supplyAsync(() -> read(caseId, "?minVersion=2"));
            CompletableFuture<Http.Response> waitingForNew = CompletableFuture.supplyAsync(() -> read(planned, "?minVersion=0"));
            Thread.sleep(1500);
            assertThat(waiting).as("waits while the standby has not replayed version 2").isNotDone();
            assertThat(waitingForNew).as("waits while the standby has not replayed the new case").isNotDone();
            assertThat(announced.getCount()).as("not announced while the standby has not replayed it").isOne();

            resumeReplay();
            assertThat(announced.await(3, TimeUnit.SECONDS)).as("announced once replayed").isTrue();
            Http.Response fresh = waiting.get(10, TimeUnit.SECONDS);
            assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
            assertThat(fresh.json().get("version").asLong()).isEqualTo(2);
            assertThat(fresh.json().get("status").asString()).isEqualTo("CONCLUDED");
            Http.Response newCase = waitingForNew.get(10, TimeUnit.SECONDS);
            assertThat(newCase.status()).as(newCase.toString()).isEqualTo(200);
            assertThat(newCase.json().get("version").asLong()).isZero();
        } finally {
            resumeReplay();
        }
        // every one of those reads was written to the read audit, on the primary, also while the standby stood still
        assertThat(primary.jdbc(DATABASE).sql("select count(*) from read_audit where kind = 'CASE' and item_id = :id")
                .param("id", caseId).query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(3)
    @DisplayName("a form lock waits until the standby shows every event it counts")
    void formLockWaitsForReplay() throws Exception {
        String caseId = planAndOpen();
        assertThat(read(caseId, "?minVersion=1").status()).isEqualTo(200);
        pauseReplay();
        CompletableFuture<Http.Response> lock;
        try {
            // a case planned while replay is paused: the primary's log is then ahead of the standby's for certain
            // (otherwise an idle primary may have written nothing since the pause, and the standby is not behind)
            plan();
            lock = CompletableFuture.supplyAsync(() -> query.http.post("/api/committees/TU/forms/locks", """
                    {"period": "Y:2026", "forms": "1"}"""));
            Thread.sleep(1500);
            assertThat(lock).as("the lock waits for the standby").isNotDone();
        } finally {
            resumeReplay();
        }
        Http.Response locked = lock.get(30, TimeUnit.SECONDS);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(201);
        assertThat(locked.json().at("/checkpoint/treeSize").asLong()).isEqualTo(query.eventCount());
        assertThat(primary.jdbc(DATABASE).sql("select count(*) from form_lock").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(4)
    @DisplayName("writes never reach the standby: projections, the read audit and a rebuild all go to the primary")
    void nothingIsWrittenToTheStandby() {
        String caseId = planAndOpen();
        assertThat(read(caseId, "?minVersion=1").status()).isEqualTo(200);
        Http.Response rebuild = query.http.post("/api/admin/projections/case-detail/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                SyntheticHistory.lastRebuild(query.http, "case-detail").path("status").asString()));
        assertThat(SyntheticHistory.lastRebuild(query.http, "case-detail").get("agreed").asBoolean())
                .as("the rebuilt copy agrees").isTrue();
        assertThat(read(caseId, "?minVersion=1").status()).isEqualTo(200);
        // a statement that writes fails on a standby ("cannot execute … in a read-only transaction") and is logged
        // there: the standby's log has no such error
        String log = standby.logText();
        assertThat(log).doesNotContain("read-only transaction").doesNotContain("cannot execute");
        assertThat(primary.logText()).doesNotContain("read-only transaction");
    }

    @Test
    @Order(5)
    @DisplayName("a standby that cannot be reached answers 503 problem+json with Retry-After, never a 500, and reads resume when it is back")
    void aStandbyThatIsDownIsA503() {
        String caseId = planAndOpen();
        assertThat(read(caseId, "?minVersion=1").status()).isEqualTo(200);
        postgres.stop(standby);
        try {
            Http.Response down = read(caseId, "");
            assertThat(down.status()).as(down.toString()).isEqualTo(503);
            assertThat(down.header("Content-Type")).startsWith("application/problem+json");
            assertThat(down.header("Retry-After")).isEqualTo("5");
            assertThat(down.json().get("type").asString()).isEqualTo("urn:ubkt:casework:problem:database-unavailable");
            assertThat(query.http.get("/api/cases?q=nhi%E1%BB%87m").status()).isEqualTo(503);
        } finally {
            postgres.restart(standby);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> read(caseId, "?minVersion=1").status() == 200);
    }

    private Http.Response read(String caseId, String query) {
        return this.query.http.get("/api/cases/" + caseId + query);
    }

    private String plan() {
        int n = ++plans;
        return scenario.plan("INSPECTION_TASK_PERFORMANCE", "UBKT-TU",
                "{\"type\": \"ORGANIZATION\", \"organizationId\": \"DU-XA\"}",
                "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát, lượt " + n,
                "KH " + n + "-KH/UBKTTU", "2026-02-02", "2026-02-09", "2026-04-30");
    }

    private String planAndOpen() {
        String caseId = plan();
        scenario.step(caseId, "open", CaseworkScenario.openBody("2026-02-09", "QĐ " + plans + "-QĐ/UBKTTU"), "OPEN", 1);
        return caseId;
    }

    private void concludeWithoutDiscipline(String caseId, long version) {
        scenario.step(caseId, "conclude", """
                {"concludedOn": "2026-04-20", "conclusionRef": "Thông báo kết luận số 7-TB/UBKTTU", "outcome": "NO_VIOLATION",
                 "violationCategories": [], "disciplineWarranted": false, "summary": "Thực hiện đúng quy định"}""", "CONCLUDED", version);
    }

    private void pauseReplay() {
        standby.execute(DATABASE, "select pg_wal_replay_pause()");
        await().atMost(Duration.ofSeconds(10)).until(() -> "paused".equals(standby.jdbc(DATABASE)
                .sql("select pg_get_wal_replay_pause_state()").query(String.class).single()));
    }

    private void resumeReplay() {
        standby.execute(DATABASE, "select pg_wal_replay_resume()");
    }

    private static long countReplicaSessions(DebianPostgres.Server server) {
        return server.jdbc(DATABASE).sql("select count(*) from pg_stat_activity where application_name = :name")
                .param("name", ReadDatabase.APPLICATION_NAME).query(Long.class).single();
    }
}
