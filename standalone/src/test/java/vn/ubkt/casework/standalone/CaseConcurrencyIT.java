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
import tools.jackson.databind.JsonNode;

@DisplayName("Two users acting on one case at the same moment")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseConcurrencyIT {

    private static final int RACES = 20;

    private RunningApp app;
    private Http http;
    private CaseworkScenario scenario;
    private ExecutorService pool;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        http = app.http;
        scenario = new CaseworkScenario(app);
        scenario.province("");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        app.close();
    }

    private String openCase(int n) {
        String caseId = scenario.plan("INSPECTION_TASK_PERFORMANCE", "UBKT-TU",
                "{\"type\": \"ORGANIZATION\", \"organizationId\": \"DU-XA\"}",
                "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát của Đảng ủy xã Sơn Dương, lượt " + n,
                "KH 0" + n + "-KH/UBKTTU", "2026-02-02", "2026-02-09", "2026-04-30");
        scenario.step(caseId, "open", CaseworkScenario.openBody("2026-02-09", "QĐ " + n + "-QĐ/UBKTTU"), "OPEN", 1);
        return caseId;
    }

    /** Posts both bodies to the same path from two threads released by one start gate. */
    private List<Http.Response> race(String path, String first, String second) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (String body : List.of(first, second)) {
            answers.add(pool.submit(() -> {
                ready.countDown();
                gate.await();
                return http.post(path, body);
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        gate.countDown();
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            responses.add(answer.get(30, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static String conclusion(String outcome, String summary) {
        return """
                {"concludedOn": "2026-04-28", "conclusionRef": "Thông báo kết luận số 40-TB/UBKTTU", "outcome": "%s",
                 "violationCategories": [], "disciplineWarranted": false, "summary": "%s"}""".formatted(outcome, summary);
    }

    @Test
    @DisplayName("of two concurrent conclusions exactly one wins, the other is 409 and may then take a step the rules still allow")
    void concurrentConclusions() throws Exception {
        for (int n = 1; n <= RACES; n++) {
            String caseId = openCase(n);
            List<Http.Response> responses = race("/api/cases/" + caseId + "/conclude",
                    conclusion("NO_VIOLATION", "Đảng ủy xã thực hiện tốt nhiệm vụ kiểm tra, giám sát"),
                    conclusion("SHORTCOMING", "Đảng ủy xã còn khuyết điểm trong việc ban hành chương trình giám sát"));

            assertThat(responses).as("race %d", n).noneMatch(r -> r.status() >= 500);
            assertThat(responses).extracting(Http.Response::status).as("race %d: %s", n, responses)
                    .containsExactlyInAnyOrder(200, 409);
            int winnerIndex = responses.get(0).status() == 200 ? 0 : 1;
            Http.Response winner = responses.get(winnerIndex);
            Http.Response loser = responses.get(1 - winnerIndex);
            assertThat(winner.json().get("status").asString()).isEqualTo("CONCLUDED");
            assertThat(winner.json().get("version").asLong()).isEqualTo(2);
            assertThat(loser.header("Content-Type")).startsWith("application/problem+json");
            assertThat(loser.json().get("status").asInt()).isEqualTo(409);
            assertThat(loser.json().get("currentStatus").asString()).isEqualTo("CONCLUDED");

            List<CaseworkScenario.StoredEvent> conclusions = scenario.events(caseId).stream()
                    .filter(e -> e.type().equals("CaseConcluded")).toList();
            assertThat(conclusions).as("race %d", n).hasSize(1);
            assertThat(conclusions.get(0).json().get("outcome").asString())
                    .isEqualTo(winnerIndex == 0 ? "NO_VIOLATION" : "SHORTCOMING");

            // the loser reads what is allowed now and closes the case instead
            List<String> allowed = new ArrayList<>();
            loser.json().get("allowed").forEach(step -> allowed.add(step.asString()));
            assertThat(allowed).contains("CLOSE").doesNotContain("CONCLUDE");
            scenario.step(caseId, "close", "{\"closedOn\": \"2026-04-30\"}", "CLOSED", 3);
        }
    }

    @Test
    @DisplayName("two concurrent findings on an open case are both recorded, one after the other")
    void concurrentFindings() throws Exception {
        for (int n = 1; n <= RACES / 2; n++) {
            String caseId = openCase(100 + n);
            List<Http.Response> responses = race("/api/cases/" + caseId + "/findings", """
                    {"recordedOn": "2026-03-02", "summary": "Tổ công tác 1: hồ sơ giám sát chuyên đề năm 2025 đầy đủ",
                     "evidence": [{"ref": "Biên bản kiểm tra hồ sơ số 1"}]}""", """
                    {"recordedOn": "2026-03-02", "summary": "Tổ công tác 2: chưa ban hành thông báo kết luận giám sát",
                     "evidence": [{"ref": "Biên bản kiểm tra hồ sơ số 2"}]}""");

            assertThat(responses).extracting(Http.Response::status).as("race %d: %s", n, responses)
                    .containsExactly(200, 200);
            assertThat(responses).extracting(r -> r.json().get("version").asLong()).containsExactlyInAnyOrder(2L, 3L);
            assertThat(responses).extracting(r -> r.json().get("status").asString()).containsOnly("OPEN");
            List<CaseworkScenario.StoredEvent> findings = scenario.events(caseId).stream()
                    .filter(e -> e.type().equals("FindingsRecorded")).toList();
            assertThat(findings).extracting(CaseworkScenario.StoredEvent::sequence).containsExactly(2L, 3L);
            assertThat(findings).extracting(e -> e.json().get("summary").asString())
                    .anyMatch(s -> s.startsWith("Tổ công tác 1")).anyMatch(s -> s.startsWith("Tổ công tác 2"));
        }
    }

    @Test
    @DisplayName("of two concurrent openings exactly one wins and its decision is the one recorded")
    void concurrentOpenings() throws Exception {
        for (int n = 1; n <= RACES / 2; n++) {
            String caseId = scenario.plan("INSPECTION_FINANCE", "UBKT-TU",
                    "{\"type\": \"ORGANIZATION\", \"organizationId\": \"CB-THON\"}",
                    "Kiểm tra tài chính đảng của Chi bộ thôn Cầu Trắng năm 2025", "KH 2" + n + "-KH/UBKTTU",
                    "2026-05-04", "2026-05-11", "2026-06-30");
            List<Http.Response> responses = race("/api/cases/" + caseId + "/open",
                    CaseworkScenario.openBody("2026-05-11", "QĐ 61-QĐ/UBKTTU"),
                    CaseworkScenario.openBody("2026-05-12", "QĐ 62-QĐ/UBKTTU"));
            assertThat(responses).extracting(Http.Response::status).as("race %d: %s", n, responses)
                    .containsExactlyInAnyOrder(200, 409);
            int winnerIndex = responses.get(0).status() == 200 ? 0 : 1;
            assertThat(responses.get(1 - winnerIndex).json().get("currentStatus").asString()).isEqualTo("OPEN");
            JsonNode opened = scenario.only(caseId, "CaseOpened");
            assertThat(opened.get("decisionRef").asString()).isEqualTo(winnerIndex == 0 ? "QĐ 61-QĐ/UBKTTU" : "QĐ 62-QĐ/UBKTTU");
        }
    }
}
