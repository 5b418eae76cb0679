package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.ubkt.casework.command.CommandSideApplication;
import vn.ubkt.casework.query.QuerySideApplication;

/**
 * Two command-side and two query-side nodes on one PostgreSQL, as a national deployment runs them; one query node is
 * a process of its own, so that it can be killed as a machine dies (no shutdown, its claims left behind).
 */
@DisplayName("Several nodes on one PostgreSQL")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralNodesIT {

    private static final String[] NODE_SETTINGS = {
            "casework.projections.token-claim-interval=1s", "axon.eventhandling.tokenstore.claim-timeout=5s"};
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(5 + 2 * 1 + 8);

    private String database;
    private RunningApp command1;
    private RunningApp command2;
    private RunningApp query1;
    private NodeProcess query2;
    private CaseworkScenario scenario;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final AtomicInteger planned = new AtomicInteger();

    @BeforeAll
    void start() {
        database = TestDatabase.newDatabase();
        command1 = RunningApp.startOn(database, CommandSideApplication.application(), NODE_SETTINGS).withTester(true);
        command2 = RunningApp.startOn(database, CommandSideApplication.application(), NODE_SETTINGS);
        query1 = RunningApp.startOn(database, QuerySideApplication.application(), NODE_SETTINGS);
        query2 = NodeProcess.start("query-2", QuerySideApplication.class, database, List.of("-Xmx512m"),
                NODE_SETTINGS);
        scenario = new CaseworkScenario(command1);
        scenario.province("");
    }

    @AfterAll
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        if (query2 != null && query2.isAlive()) {
            query2.kill();
        }
        for (RunningApp node : new RunningApp[] {query1, command2, command1}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** Each processor's segments by the node that holds them (claims renewed within the claim timeout). */
    private Map<String, Map<Integer, String>> claims() {
        Map<String, Map<Integer, String>> claims = new java.util.TreeMap<>();
        command1.jdbc().sql("""
                        select processor_name, segment, owner from token_entry
                        where owner is not null and timestamp::timestamptz > now() - interval '5 seconds'""")
                .query((rs, n) -> claims.computeIfAbsent(rs.getString(1), p -> new java.util.TreeMap<>())
                        .put(rs.getInt(2), rs.getString(3)))
                .list();
        return claims;
    }

    private Set<String> processors() {
        return Set.copyOf(command1.jdbc().sql("select distinct processor_name from token_entry").query(String.class).list());
    }

    private String planAndOpen(RunningApp node, int n) {
        CaseworkScenario through = new CaseworkScenario(node);
        String caseId = through.plan("INSPECTION_TASK_PERFORMANCE", "UBKT-TU",
                "{\"type\": \"ORGANIZATION\", \"organizationId\": \"DU-XA\"}",
                "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát, lượt " + n,
                "KH " + n + "-KH/UBKTTU", "2026-02-02", "2026-02-09", "2026-04-30");
        through.step(caseId, "open", CaseworkScenario.openBody("2026-02-09", "QĐ " + n + "-QĐ/UBKTTU"), "OPEN", 1);
        planned.incrementAndGet();
        return caseId;
    }

    private List<Http.Response> atOnce(List<Supplier<Http.Response>> requests) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (Supplier<Http.Response> request : requests) {
            answers.add(pool.submit(() -> {
                gate.await();
                return request.get();
            }));
        }
        gate.countDown();
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            responses.add(answer.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    @Test
    @DisplayName("the segments are shared by the query nodes; a killed node's are claimed by the other in bounded time and every total stays exact")
    void segmentsTakeover() throws Exception {
        // both query nodes up: every processor's two segments held one by each
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, Map<Integer, String>> claims = claims();
            assertThat(claims.keySet()).containsAll(processors()).hasSizeGreaterThanOrEqualTo(5);
            claims.forEach((processor, segments) -> {
                assertThat(segments).as(processor).hasSize(2);
                assertThat(Set.copyOf(segments.values())).as(processor + ": " + segments).hasSize(2);
            });
        });
        for (int n = 1; n <= 10; n++) {
            planAndOpen(n % 2 == 0 ? command1 : command2, 100 + n);
        }

        // a machine dies under load
        Future<?> load = pool.submit(() -> {
            for (int n = 1; n <= 10; n++) {
                planAndOpen(n % 2 == 0 ? command1 : command2, 200 + n);
            }
            return null;
        });
        Thread.sleep(300);
        query2.kill();
        assertThat(query2.isAlive()).isFalse();
        long killedAt = System.nanoTime();
        load.get(2, TimeUnit.MINUTES);

        await().atMost(TAKEOVER_BOUND).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Map<Integer, String>> claims = claims();
            assertThat(claims.keySet()).containsAll(processors());
            claims.forEach((processor, segments) -> {
                assertThat(segments).as(processor).hasSize(2);
                assertThat(Set.copyOf(segments.values())).as(processor + ": " + segments).hasSize(1);
            });
        });
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(takeover).isLessThan(TAKEOVER_BOUND);
        System.out.println("Segments of the killed query node taken over in " + takeover.toMillis() + " ms");

        // the survivor catches up; every case's document is at its last event, every figure equals a fresh rebuild
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (JsonNode projection : query1.http.get("/api/admin/projections").json()) {
                assertThat(projection.get("lag").asLong()).as(projection.toString()).isZero();
            }
        });
        assertThat(command1.jdbc().sql("""
                select count(*) from (select aggregate_identifier, max(sequence_number) as version from domain_event_entry
                                      where payload_type like 'vn.ubkt.casework.events.cases.%' group by 1) e
                left join case_view c on c.id = e.aggregate_identifier where c.version is distinct from e.version""")
                .query(Long.class).single()).isZero();
        assertThat(command1.jdbc().sql("select count(*) from case_view").query(Long.class).single())
                .isEqualTo(planned.get());
        for (String projection : List.of("statistics", "case-detail")) {
            assertThat(query1.http.post("/api/admin/projections/" + projection + "/rebuild", "").status()).isEqualTo(202);
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            for (JsonNode projection : query1.http.get("/api/admin/projections").json()) {
                String name = projection.get("name").asString();
                JsonNode rebuild = projection.get("lastRebuild");
                if ((name.equals("statistics") || name.equals("case-detail"))
                        && (rebuild.isNull() || !rebuild.get("status").asString().equals("DONE"))) {
                    return false;
                }
            }
            return true;
        });
        for (JsonNode projection : query1.http.get("/api/admin/projections").json()) {
            JsonNode rebuild = projection.get("lastRebuild");
            if (!rebuild.isNull()) {
                assertThat(rebuild.get("agreed").asBoolean()).as(projection.toString()).isTrue();
                assertThat(rebuild.get("differences").asLong()).isZero();
            }
        }
    }

    @Test
    @DisplayName("two commands on one case through two command nodes: exactly one wins, the other is 409; each node then acts on the other's last step")
    void oneWinnerAcrossNodes() throws Exception {
        for (int n = 1; n <= 8; n++) {
            String caseId = new CaseworkScenario(command1).plan("INSPECTION_FINANCE", "UBKT-TU",
                    "{\"type\": \"ORGANIZATION\", \"organizationId\": \"CB-THON\"}",
                    "Kiểm tra tài chính đảng, lượt " + n, "KH 3" + n + "-KH/UBKTTU", "2026-05-04", "2026-05-11", "2026-06-30");
            planned.incrementAndGet();
            List<Http.Response> responses = atOnce(List.of(
                    () -> command1.http.post("/api/cases/" + caseId + "/open",
                            CaseworkScenario.openBody("2026-05-11", "QĐ 61-QĐ/UBKTTU")),
                    () -> command2.http.post("/api/cases/" + caseId + "/open",
                            CaseworkScenario.openBody("2026-05-12", "QĐ 62-QĐ/UBKTTU"))));
            assertThat(responses).extracting(Http.Response::status).as("race %d: %s", n, responses)
                    .containsExactlyInAnyOrder(200, 409);
            assertThat(scenario.events(caseId).stream().filter(e -> e.type().equals("CaseOpened")).count()).isEqualTo(1);
            // no node keeps a stale copy of the case: each takes the next step on the other's last one
            for (RunningApp node : List.of(command2, command1, command2)) {
                long version = scenario.events(caseId).size();
                new CaseworkScenario(node).step(caseId, "findings", """
                        {"recordedOn": "2026-05-20", "summary": "Tổ công tác: hồ sơ tài chính năm 2025",
                         "evidence": [{"ref": "Biên bản kiểm tra số %d"}]}""".formatted(version), "OPEN", version);
            }
        }
    }

    @Test
    @DisplayName("one Idempotency-Key sent to two command nodes at once creates one case, and both answer it")
    void idempotencyAcrossNodes() throws Exception {
        for (int n = 1; n <= 8; n++) {
            String body = """
                    {"type": "INSPECTION_FINANCE", "committeeId": "UBKT-TU",
                     "subject": {"type": "ORGANIZATION", "organizationId": "CB-THON"},
                     "content": "Kiểm tra tài chính đảng, khóa %d", "planRef": "KH 5%d-KH/UBKTTU",
                     "plannedOn": "2026-05-04", "plannedFrom": "2026-05-11", "plannedTo": "2026-06-30"}""".formatted(n, n);
            String key = "hai-nut-" + n;
            List<Http.Response> responses = atOnce(List.of(
                    () -> command1.http.post("/api/cases", body, "Idempotency-Key", key),
                    () -> command2.http.post("/api/cases", body, "Idempotency-Key", key)));
            assertThat(responses).extracting(Http.Response::status).as("key %d: %s", n, responses).containsOnly(201);
            assertThat(responses.stream().map(r -> r.json().get("id").asString()).collect(Collectors.toSet())).hasSize(1);
            assertThat(command1.jdbc().sql("""
                    select count(*) from domain_event_entry
                    where payload_type like '%CasePlanned' and convert_from(payload, 'UTF8') like :ref""")
                    .param("ref", "%KH 5" + n + "-KH/UBKTTU%").query(Long.class).single()).isEqualTo(1);
            planned.incrementAndGet();
        }
    }
}
