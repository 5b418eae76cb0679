package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DisplayName("An Idempotency-Key is kept in the transaction that appended its command's events")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT {

    private RunningApp app;
    private CaseworkScenario scenario;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        scenario = new CaseworkScenario(app);
        scenario.province("");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String plan(String planRef) {
        return """
                {"type": "INSPECTION_FINANCE", "committeeId": "UBKT-TU",
                 "subject": {"type": "ORGANIZATION", "organizationId": "CB-THON"},
                 "content": "Kiểm tra tài chính đảng của Chi bộ thôn Cầu Trắng", "planRef": "%s",
                 "plannedOn": "2026-05-04", "plannedFrom": "2026-05-11", "plannedTo": "2026-06-30"}""".formatted(planRef);
    }

    private long casesPlanned(String planRef) {
        return app.jdbc().sql("""
                        select count(distinct aggregate_identifier) from domain_event_entry
                        where payload_type like '%CasePlanned' and convert_from(payload, 'UTF8') like :ref""")
                .param("ref", "%" + planRef + "%").query(Long.class).single();
    }

    @Test
    @DisplayName("a failure after the events were appended and before the answer was kept leaves nothing: the retry creates the one case")
    void failureBetweenAppendAndRecord() {
        String key = "ke-hoach-loi-giua-chung";
        // a fault the database raises exactly when the answer is about to be kept, after the command appended its events
        app.jdbc().sql("""
                create function refuse_answer() returns trigger language plpgsql as $$
                begin
                  if new.idempotency_key = 'ke-hoach-loi-giua-chung' and new.state = 'COMPLETED' then
                    raise exception 'simulated crash between append and record';
                  end if;
                  return new;
                end $$""").update();
        app.jdbc().sql("""
                create trigger refuse_answer before update on idempotency_record
                for each row execute function refuse_answer()""").update();
        try {
            Http.Response failed = app.http.post("/api/cases", plan("KH 71-KH/UBKTTU"), "Idempotency-Key", key);
            assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
            assertThat(casesPlanned("KH 71-KH/UBKTTU")).isZero();
        } finally {
            app.jdbc().sql("drop trigger refuse_answer on idempotency_record").update();
            app.jdbc().sql("drop function refuse_answer()").update();
        }

        Http.Response retried = app.http.post("/api/cases", plan("KH 71-KH/UBKTTU"), "Idempotency-Key", key);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        Http.Response again = app.http.post("/api/cases", plan("KH 71-KH/UBKTTU"), "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(retried.json().get("id").asString());
        assertThat(casesPlanned("KH 71-KH/UBKTTU")).isEqualTo(1);
    }

    @Test
    @DisplayName("two identical requests with one key at the same moment create one case and both answer it")
    void concurrentDuplicates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int n = 1; n <= 10; n++) {
                String planRef = "KH 8" + n + "-KH/UBKTTU";
                String key = "ke-hoach-dong-thoi-" + n;
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<Http.Response>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        gate.await();
                        return app.http.post("/api/cases", plan(planRef), "Idempotency-Key", key);
                    }));
                }
                gate.countDown();
                List<Http.Response> responses = new ArrayList<>();
                for (Future<Http.Response> answer : answers) {
                    responses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(responses).extracting(Http.Response::status).as("race %d: %s", n, responses)
                        .containsOnly(201);
                assertThat(responses).extracting(r -> r.json().get("id").asString()).as("race %d", n)
                        .containsOnly(responses.get(0).json().get("id").asString());
                assertThat(casesPlanned(planRef)).as("race %d", n).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("two steps on one case sent at once, each with its own key, are both recorded one after the other")
    void keyedStepsOnOneCaseWaitTheirTurn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int n = 1; n <= 5; n++) {
                Http.Response created = app.http.post("/api/cases", plan("KH 6" + n + "-KH/UBKTTU"));
                String caseId = created.json().get("id").asString();
                scenario.step(caseId, "open", CaseworkScenario.openBody("2026-05-11", "QĐ 6" + n + "-QĐ/UBKTTU"), "OPEN", 1);
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<Http.Response>> answers = new ArrayList<>();
                for (int i = 1; i <= 2; i++) {
                    String body = """
                            {"recordedOn": "2026-05-20", "summary": "Tổ công tác %d: hồ sơ tài chính năm 2025",
                             "evidence": [{"ref": "Biên bản kiểm tra số %d"}]}""".formatted(i, i);
                    String key = "buoc-" + n + "-" + i;
                    answers.add(pool.submit(() -> {
                        gate.await();
                        return app.http.post("/api/cases/" + caseId + "/findings", body, "Idempotency-Key", key);
                    }));
                }
                gate.countDown();
                List<Http.Response> responses = new ArrayList<>();
                for (Future<Http.Response> answer : answers) {
                    responses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(responses).extracting(Http.Response::status).as("race %d: %s", n, responses)
                        .containsExactly(200, 200);
                assertThat(responses).extracting(r -> r.json().get("version").asLong()).containsExactlyInAnyOrder(2L, 3L);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
