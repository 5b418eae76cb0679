package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Readiness and liveness probes, and a graceful stop")
class ProbesIT {

    @Test
    @DisplayName("ready with the database and the processors; a processor in error makes the node not ready, alive all the same")
    void readinessFollowsTheProcessors() {
        try (RunningApp app = RunningApp.start()) {
            Http anonymous = app.http.anonymous();
            Http.Response ready = anonymous.get("/actuator/health/readiness");
            assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
            assertThat(ready.json().get("status").asString()).isEqualTo("UP");
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);

            // the statistics can no longer write: their processor fails every batch and stays in error
            app.jdbc().sql("""
                    create function refuse_statistics() returns trigger language plpgsql as $$
                    begin raise exception 'statistics tables refused by the test'; end $$""").update();
            app.jdbc().sql("""
                    create trigger refuse_statistics before insert or update on stat_applied
                    for each row execute function refuse_statistics()""").update();
            CaseworkScenario scenario = new CaseworkScenario(app);
            scenario.province("");
            scenario.plan("INSPECTION_FINANCE", "UBKT-TU", "{\"type\": \"ORGANIZATION\", \"organizationId\": \"CB-THON\"}",
                    "Kiểm tra tài chính đảng", "KH 2-KH/UBKTTU", "2026-05-04", "2026-05-11", "2026-06-30");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Http.Response notReady = anonymous.get("/actuator/health/readiness");
                assertThat(notReady.status()).as(notReady.toString()).isEqualTo(503);
            });
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
            var processors = app.context.getBean("eventProcessorsHealthIndicator",
                    org.springframework.boot.health.contributor.HealthIndicator.class).health(true);
            assertThat(processors.getDetails().get("statistics").toString()).contains("ERROR");

            app.jdbc().sql("drop trigger refuse_statistics on stat_applied").update();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200));
        }
    }

    @Test
    @DisplayName("a node told to stop finishes the command it is serving before it closes")
    void gracefulShutdownFinishesInFlightCommands() throws Exception {
        RunningApp app = RunningApp.start();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CaseworkScenario scenario = new CaseworkScenario(app);
            scenario.province("");
            // a command held inside its transaction by a lock the test owns, while the node is told to stop
            var lock = TestDatabase.dataSource(app.jdbcUrl).getConnection();
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table idempotency_record in exclusive mode");
            Future<Http.Response> inFlight = pool.submit(() -> app.http.post("/api/cases", """
                    {"type": "INSPECTION_FINANCE", "committeeId": "UBKT-TU",
                     "subject": {"type": "ORGANIZATION", "organizationId": "CB-THON"},
                     "content": "Kiểm tra tài chính đảng", "planRef": "KH 1-KH/UBKTTU",
                     "plannedOn": "2026-05-04", "plannedFrom": "2026-05-11", "plannedTo": "2026-06-30"}""",
                    "Idempotency-Key", "dang-dung-may"));
            Thread.sleep(500);
            assertThat(inFlight.isDone()).isFalse();
            Future<?> closing = Executors.newSingleThreadExecutor().submit(app::close);
            Thread.sleep(1_000);
            lock.rollback();
            lock.close();
            Http.Response answer = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            closing.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
