package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@DisplayName("A poison event is dead-lettered and holds back only its own case")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterIT {

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

    private String planned(int n) {
        String caseId = scenario.plan("INSPECTION_TASK_PERFORMANCE", "UBKT-TU",
                "{\"type\": \"ORGANIZATION\", \"organizationId\": \"DU-XA\"}",
                "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát, lượt " + n,
                "KH 9" + n + "-KH/UBKTTU", "2026-02-02", "2026-02-09", "2026-04-30");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from stat_case where case_id = ?", caseId) == 1);
        return caseId;
    }

    private void open(String caseId, int n) {
        scenario.step(caseId, "open", CaseworkScenario.openBody("2026-02-09", "QĐ 9" + n + "-QĐ/UBKTTU"), "OPEN", 1);
    }

    /** Test data a projection cannot live with: the statistics lose what they knew of the case. */
    private void loseStatisticsOf(String caseId) {
        app.jdbc().sql("create table if not exists lost_stat_case as select * from stat_case where false").update();
        app.jdbc().sql("insert into lost_stat_case select * from stat_case where case_id = ?").param(caseId).update();
        app.jdbc().sql("delete from stat_case where case_id = ?").param(caseId).update();
    }

    private void restoreStatisticsOf(String caseId) {
        app.jdbc().sql("insert into stat_case select * from lost_stat_case where case_id = ?").param(caseId).update();
    }

    private long count(String sql, Object... params) {
        var statement = app.jdbc().sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    private List<JsonNode> deadLetters() {
        Http.Response response = app.http.get("/api/admin/dead-letters");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        response.json().forEach(letters::add);
        return letters;
    }

    private double metric(String processor) {
        return app.context.getBean(MeterRegistry.class).get("casework.dead.letters").tag("processor", processor)
                .gauge().value();
    }

    @Test
    @DisplayName("the poison event and its case's later events wait in the queue while other cases project; a retry after the fix applies them exactly once")
    void poisonThenRetry() {
        String poisoned = planned(1);
        String healthy = planned(2);
        loseStatisticsOf(poisoned);

        open(poisoned, 1);
        open(healthy, 2);
        scenario.step(poisoned, "conclude", """
                {"concludedOn": "2026-04-28", "conclusionRef": "Thông báo kết luận số 41-TB/UBKTTU", "outcome": "NO_VIOLATION",
                 "violationCategories": [], "disciplineWarranted": false, "summary": "Thực hiện tốt"}""", "CONCLUDED", 2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters()).hasSize(2));
        List<JsonNode> letters = deadLetters();
        JsonNode first = letters.get(0);
        assertThat(first.get("processor").asString()).isEqualTo("statistics");
        assertThat(first.get("caseId").asString()).isEqualTo(poisoned);
        assertThat(first.get("eventType").asString()).isEqualTo("CaseOpened");
        assertThat(first.get("globalIndex").isNull()).isFalse();
        assertThat(first.get("error").asString()).contains("no planning event");
        assertThat(first.get("attempts").asLong()).isEqualTo(1);
        assertThat(first.get("since").asString()).isNotBlank();
        JsonNode heldBack = letters.get(1);
        assertThat(heldBack.get("caseId").asString()).isEqualTo(poisoned);
        assertThat(heldBack.get("eventType").asString()).isEqualTo("CaseConcluded");
        assertThat(metric("statistics")).isEqualTo(2.0);
        assertThat(metric("case-detail")).isZero();

        // the other case is counted; the poisoned one is not half-counted; the other projections have it
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("select count(*) from stat_fact where aggregate_id = ? and sequence = 1", healthy) == 1);
        assertThat(count("select count(*) from stat_applied where aggregate_id = ? and sequence >= 1", poisoned)).isZero();
        assertThat(count("select count(*) from stat_fact where aggregate_id = ? and sequence >= 1", poisoned)).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(app.http.get("/api/cases/" + poisoned).json().get("status").asString()).isEqualTo("CONCLUDED"));

        // a retry before the fix fails again and counts the attempt
        Http.Response tooEarly = app.http.post("/api/admin/dead-letters/" + first.get("id").asString() + "/retry", "");
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(200);
        assertThat(tooEarly.json().get("remaining").asLong()).isEqualTo(2);
        assertThat(deadLetters().get(0).get("attempts").asLong()).isEqualTo(2);

        restoreStatisticsOf(poisoned);
        Http.Response retried = app.http.post("/api/admin/dead-letters/" + first.get("id").asString() + "/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("remaining").asLong()).as(deadLetters().toString()).isZero();
        assertThat(deadLetters()).isEmpty();
        assertThat(metric("statistics")).isZero();
        assertThat(count("select count(*) from stat_fact where aggregate_id = ? and sequence >= 1", poisoned)).isEqualTo(2);
        assertThat(count("select count(*) from stat_applied where aggregate_id = ? and sequence >= 1", poisoned)).isEqualTo(2);

        // the case's new events project live again, nothing queued behind the letters that were retried
        scenario.step(poisoned, "close", "{\"closedOn\": \"2026-04-30\"}", "CLOSED", 3);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode statistics = null;
            for (JsonNode projection : app.http.get("/api/admin/projections").json()) {
                if (projection.get("name").asString().equals("statistics")) {
                    statistics = projection;
                }
            }
            assertThat(statistics).isNotNull();
            assertThat(statistics.get("lag").asLong()).isZero();
            assertThat(statistics.get("status").asString()).isEqualTo("RUNNING");
        });
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    @DisplayName("a skip drops the letter for good and records who skipped it and why")
    void skip() {
        String poisoned = planned(3);
        loseStatisticsOf(poisoned);
        open(poisoned, 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters())
                .anyMatch(letter -> letter.get("caseId").asString().equals(poisoned)));
        String id = deadLetters().stream().filter(letter -> letter.get("caseId").asString().equals(poisoned))
                .findFirst().orElseThrow().get("id").asString();

        Http.Response noReason = app.http.post("/api/admin/dead-letters/" + id + "/skip", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(app.http.post("/api/admin/dead-letters/no-such-letter/skip", "{\"reason\": \"x\"}").status())
                .isEqualTo(404);

        Http.Response skipped = app.http.post("/api/admin/dead-letters/" + id + "/skip",
                "{\"reason\": \"Hồ sơ thống kê của vụ việc đã được nhập tay\"}");
        assertThat(skipped.status()).as(skipped.toString()).isEqualTo(200);
        assertThat(deadLetters()).noneMatch(letter -> letter.get("caseId").asString().equals(poisoned));
        var record = app.jdbc().sql("select skipped_by, reason, event_type, case_id from dead_letter_skip where dead_letter_id = ?")
                .param(id).query().singleRow();
        assertThat(record.get("skipped_by")).isEqualTo(RunningApp.TESTER);
        assertThat(record.get("reason")).isEqualTo("Hồ sơ thống kê của vụ việc đã được nhập tay");
        assertThat(record.get("event_type")).isEqualTo("CaseOpened");
        assertThat(record.get("case_id")).isEqualTo(poisoned);
    }
}
