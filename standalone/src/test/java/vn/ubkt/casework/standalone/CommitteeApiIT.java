package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@DisplayName("Committees through the public HTTP API of the standalone product")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeApiIT {

    private RunningApp app;
    private Http http;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        http = app.http;
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String register(String id, String name, String kind, String level, String parentId, String establishedOn) {
        String body = """
                {"id": "%s", "name": "%s", "kind": "%s", "level": "%s"%s%s}""".formatted(id, name, kind, level,
                parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"",
                establishedOn == null ? "" : ", \"establishedOn\": \"" + establishedOn + "\"");
        Http.Response response = http.post("/api/committees", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return id;
    }

    private JsonNode tree(String on) {
        return http.get("/api/committees" + (on == null ? "" : "?on=" + on)).json();
    }

    private static JsonNode find(JsonNode nodes, String id) {
        for (JsonNode node : nodes) {
            if (node.get("id").asString().equals(id)) {
                return node;
            }
            JsonNode below = find(node.get("children"), id);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private static List<String> childIds(JsonNode node) {
        List<String> ids = new ArrayList<>();
        node.get("children").forEach(child -> ids.add(child.get("id").asString()));
        return ids;
    }

    private void awaitInTree(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> find(tree(null), id) != null);
    }

    @Test
    @DisplayName("a registered committee answers 201 with Location and version 0, and appears in the tree")
    void registersAndReads() {
        Http.Response created = http.post("/api/committees", """
                {"id": "TU-TRA-VINH", "name": "Tỉnh ủy Trà Vinh", "kind": "PARTY_COMMITTEE", "level": "PROVINCIAL",
                 "votingMembers": 49, "partyMembers": 52000, "cells": 1800}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/committees/TU-TRA-VINH");
        assertThat(created.json().get("id").asString()).isEqualTo("TU-TRA-VINH");
        assertThat(created.json().get("version").asLong()).isZero();

        awaitInTree("TU-TRA-VINH");
        JsonNode detail = http.get("/api/committees/TU-TRA-VINH").json();
        assertThat(detail.get("name").asString()).isEqualTo("Tỉnh ủy Trà Vinh");
        assertThat(detail.get("votingMembers").asInt()).isEqualTo(49);
        assertThat(detail.get("partyMembers").asInt()).isEqualTo(52000);
        assertThat(detail.get("cells").asInt()).isEqualTo(1800);
    }

    @Test
    @DisplayName("without an id the server creates a UUID")
    void serverCreatesIds() {
        Http.Response created = http.post("/api/committees", """
                {"name": "Tỉnh ủy Bến Tre", "kind": "PARTY_COMMITTEE", "level": "PROVINCIAL"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    @DisplayName("a rename and a change of counts are recorded, each as its own event")
    void amends() {
        register("TU-AMEND", "Tỉnh ủy A", "PARTY_COMMITTEE", "PROVINCIAL", null, null);
        Http.Response amended = http.patch("/api/committees/TU-AMEND", """
                {"name": "Tỉnh ủy An Giang", "partyMembers": 120}""");
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.json().get("version").asLong()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/api/committees/TU-AMEND").json().path("version").asLong(-1) == 2);
        JsonNode detail = http.get("/api/committees/TU-AMEND").json();
        assertThat(detail.get("name").asString()).isEqualTo("Tỉnh ủy An Giang");
        assertThat(detail.get("partyMembers").asInt()).isEqualTo(120);

        Http.Response unchanged = http.patch("/api/committees/TU-AMEND", """
                {"name": "Tỉnh ủy An Giang"}""");
        assertThat(unchanged.status()).isEqualTo(409);
        Http.Response empty = http.patch("/api/committees/TU-AMEND", "{}");
        assertThat(empty.status()).isEqualTo(400);
        Http.Response unknown = http.patch("/api/committees/NO-SUCH", "{\"name\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Nested
    @DisplayName("bad input answers the right status, lists every problem and changes nothing")
    class BadInput {

        private long before;

        private void assertUnchanged() {
            assertThat(app.eventCount()).isEqualTo(before);
        }

        private Http.Response refused(String body, int status, String... headers) {
            before = app.eventCount();
            Http.Response response = http.post("/api/committees", body, headers);
            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(status);
            assertThat(response.json().get("type").asString()).startsWith("urn:ubkt:casework:problem:");
            assertThat(response.json().get("detail").asString()).isNotBlank();
            assertUnchanged();
            return response;
        }

        private static List<String> fields(Http.Response response) {
            List<String> fields = new ArrayList<>();
            response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
            return fields;
        }

        @Test
        @DisplayName("malformed JSON is 400")
        void malformedJson() {
            Http.Response response = refused("{\"name\": \"x\", ", 400);
            assertThat(response.json().get("errors")).hasSize(1);
        }

        @Test
        @DisplayName("a date that is not a date is 400 naming the field")
        void badDate() {
            Http.Response response = refused("""
                    {"name": "x", "kind": "CELL", "level": "CELL", "establishedOn": "30/06/2025"}""", 400);
            assertThat(fields(response)).containsExactly("establishedOn");
        }

        @Test
        @DisplayName("missing and invalid fields are all listed at once")
        void missingFields() {
            Http.Response response = refused("""
                    {"id": "bad id!", "kind": "PROVINCE", "votingMembers": -1}""", 400);
            assertThat(fields(response)).containsExactlyInAnyOrder("id", "name", "kind", "level", "votingMembers");
        }

        @Test
        @DisplayName("an unknown parent is 422 TREE-PARENT")
        void unknownParent() {
            Http.Response response = refused("""
                    {"name": "Huyện ủy X", "kind": "PARTY_COMMITTEE", "level": "DISTRICT", "parentId": "NO-SUCH"}""", 422);
            assertThat(response.json().get("rule").asString()).isEqualTo("TREE-PARENT");
            assertThat(response.json().get("ruleSource").asString()).isNotBlank();
            assertThat(response.json().get("rulebookVersion").asString()).isNotBlank();
            assertThat(fields(response)).containsExactly("parentId");
        }

        @Test
        @DisplayName("a wrong kind under a parent is 422 TREE-PLACEMENT, explained in the request's language")
        void wrongKindUnderParent() {
            register("TU-PLACE", "Tỉnh ủy P", "PARTY_COMMITTEE", "PROVINCIAL", null, null);
            register("CB-PLACE", "Chi bộ 1", "CELL", "GRASSROOTS", "TU-PLACE", null);
            Http.Response vietnamese = refused("""
                    {"name": "UBKT", "kind": "INSPECTION_COMMISSION", "level": "GRASSROOTS", "parentId": "CB-PLACE"}""", 422);
            assertThat(vietnamese.json().get("rule").asString()).isEqualTo("TREE-PLACEMENT");
            assertThat(vietnamese.json().get("detail").asString()).contains("không thể trực thuộc");
            Http.Response english = refused("""
                    {"name": "UBKT", "kind": "INSPECTION_COMMISSION", "level": "GRASSROOTS", "parentId": "CB-PLACE"}""",
                    422, "Accept-Language", "en");
            assertThat(english.json().get("detail").asString()).contains("cannot hang under");
        }

        @Test
        @DisplayName("an inspection commission at another level than the committee that elected it is refused")
        void commissionAtWrongLevel() {
            register("TU-LEVEL", "Tỉnh ủy L", "PARTY_COMMITTEE", "PROVINCIAL", null, null);
            refused("""
                    {"name": "UBKT", "kind": "INSPECTION_COMMISSION", "level": "DISTRICT", "parentId": "TU-LEVEL"}""", 422);
            register("UBKT-LEVEL", "UBKT Tỉnh ủy L", "INSPECTION_COMMISSION", "PROVINCIAL", "TU-LEVEL", null);
        }

        @Test
        @DisplayName("a duplicate id is 409")
        void duplicateId() {
            register("TU-DUP", "Tỉnh ủy D", "PARTY_COMMITTEE", "PROVINCIAL", null, null);
            refused("""
                    {"id": "TU-DUP", "name": "Again", "kind": "PARTY_COMMITTEE", "level": "PROVINCIAL"}""", 409);
        }

        @Test
        @DisplayName("a business date in the future is 422 R-DATES")
        void futureDate() {
            Http.Response response = refused("""
                    {"name": "x", "kind": "PARTY_COMMITTEE", "level": "PROVINCIAL", "establishedOn": "2999-01-01"}""", 422);
            assertThat(response.json().get("rule").asString()).isEqualTo("R-DATES");
        }

        @Test
        @DisplayName("an unknown committee in the path is 404")
        void unknownInPath() {
            before = app.eventCount();
            Http.Response response = http.post("/api/committees/NO-SUCH/move", """
                    {"movedOn": "2025-07-01", "parentId": "TU-TRA-VINH"}""");
            assertThat(response.status()).isEqualTo(404);
            assertThat(http.get("/api/committees/NO-SUCH").status()).isEqualTo(404);
            assertUnchanged();
        }

        @Test
        @DisplayName("a move that would make a node its own ancestor is 422 TREE-CYCLE")
        void cycle() {
            register("TU-CYC", "Tỉnh ủy C", "PARTY_COMMITTEE", "PROVINCIAL", null, null);
            register("HU-CYC", "Huyện ủy C", "PARTY_COMMITTEE", "DISTRICT", "TU-CYC", null);
            before = app.eventCount();
            Http.Response response = http.post("/api/committees/TU-CYC/move", """
                    {"movedOn": "2025-07-01", "parentId": "HU-CYC"}""");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("rule").asString()).isEqualTo("TREE-CYCLE");
            assertUnchanged();
        }
    }

    @Nested
    @DisplayName("Idempotency-Key")
    class Idempotency {

        @Test
        @DisplayName("the same key twice creates one committee and answers the first answer")
        void sameKeyTwice() {
            String body = """
                    {"name": "Đảng ủy Khối", "kind": "PARTY_COMMITTEE", "level": "DISTRICT"}""";
            long before = app.eventCount();
            Http.Response first = http.post("/api/committees", body, "Idempotency-Key", "k-1");
            Http.Response second = http.post("/api/committees", body, "Idempotency-Key", "k-1");
            assertThat(first.status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.header("Location")).isEqualTo(first.header("Location"));
            assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(app.eventCount()).isEqualTo(before + 1);
        }

        @Test
        @DisplayName("the same key with another body is 422 and changes nothing")
        void sameKeyOtherBody() {
            http.post("/api/committees", """
                    {"name": "A", "kind": "PARTY_COMMITTEE", "level": "DISTRICT"}""", "Idempotency-Key", "k-2");
            long before = app.eventCount();
            Http.Response other = http.post("/api/committees", """
                    {"name": "B", "kind": "PARTY_COMMITTEE", "level": "DISTRICT"}""", "Idempotency-Key", "k-2");
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.header("Content-Type")).startsWith("application/problem+json");
            assertThat(app.eventCount()).isEqualTo(before);
        }

        @Test
        @DisplayName("a refused request does not use up its key")
        void refusedKeepsKeyFree() {
            Http.Response refused = http.post("/api/committees", "{}", "Idempotency-Key", "k-3");
            assertThat(refused.status()).isEqualTo(400);
            Http.Response retried = http.post("/api/committees", "{}", "Idempotency-Key", "k-3");
            assertThat(retried.status()).isEqualTo(400);
            assertThat(retried.header("Idempotent-Replayed")).isNull();
        }
    }

    @Test
    @DisplayName("the 2025 reform: a district dissolved on 2025-07-01, its communes moved under the province")
    void reformOfJuly2025() {
        register("TU-R", "Tỉnh ủy Tuyên Quang", "PARTY_COMMITTEE", "PROVINCIAL", null, null);
        register("UBKT-TU-R", "UBKT Tỉnh ủy Tuyên Quang", "INSPECTION_COMMISSION", "PROVINCIAL", "TU-R", null);
        register("HU-R", "Huyện ủy Sơn Dương", "PARTY_COMMITTEE", "DISTRICT", "TU-R", null);
        register("UBKT-HU-R", "UBKT Huyện ủy Sơn Dương", "INSPECTION_COMMISSION", "DISTRICT", "HU-R", null);
        register("XA-1", "Đảng ủy xã Sơn Nam", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "HU-R", null);
        register("XA-2", "Đảng ủy xã Hợp Thành", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "HU-R", null);

        for (String commune : List.of("XA-1", "XA-2")) {
            Http.Response moved = http.post("/api/committees/" + commune + "/move", """
                    {"movedOn": "2025-07-01", "parentId": "TU-R"}""");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.json().get("version").asLong()).isEqualTo(1);
        }
        assertThat(http.post("/api/committees/UBKT-HU-R/dissolve", """
                {"dissolvedOn": "2025-07-01", "successorId": "UBKT-TU-R", "reason": "Kết thúc hoạt động cấp huyện"}""")
                .status()).isEqualTo(200);
        assertThat(http.post("/api/committees/HU-R/dissolve", """
                {"dissolvedOn": "2025-07-01", "reason": "Kết thúc hoạt động cấp huyện (KL 137-KL/TW)"}""")
                .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                "2025-07-01".equals(http.get("/api/committees/HU-R").json().path("dissolvedOn").asString("")));

        JsonNode before = find(tree("2025-06-30"), "TU-R");
        assertThat(childIds(before)).containsExactlyInAnyOrder("UBKT-TU-R", "HU-R");
        JsonNode district = find(tree("2025-06-30"), "HU-R");
        assertThat(childIds(district)).containsExactlyInAnyOrder("UBKT-HU-R", "XA-1", "XA-2");
        assertThat(district.get("dissolvedOn").asString()).isEqualTo("2025-07-01");
        assertThat(find(tree("2025-06-30"), "XA-1").get("parentId").asString()).isEqualTo("HU-R");

        JsonNode after = find(tree("2025-07-01"), "TU-R");
        assertThat(childIds(after)).containsExactlyInAnyOrder("UBKT-TU-R", "XA-1", "XA-2");
        assertThat(find(tree("2025-07-01"), "HU-R")).isNull();
        assertThat(find(tree("2025-07-01"), "UBKT-HU-R")).isNull();
        assertThat(find(tree("2025-07-01"), "XA-2").get("parentId").asString()).isEqualTo("TU-R");

        JsonNode commune = http.get("/api/committees/XA-1").json();
        assertThat(commune.get("parentId").asString()).isEqualTo("TU-R");
        assertThat(commune.get("history")).hasSize(2);
        assertThat(commune.get("history").get(1).get("validFrom").asString()).isEqualTo("2025-07-01");
        JsonNode provincialCommission = http.get("/api/committees/UBKT-TU-R").json();
        assertThat(provincialCommission.get("predecessors").get(0).get("id").asString()).isEqualTo("UBKT-HU-R");

        Http.Response again = http.post("/api/committees/HU-R/dissolve", """
                {"dissolvedOn": "2025-07-01", "reason": "again"}""");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    @DisplayName("two provinces merged into a new one: their unmoved children follow the successor")
    void provincesMerged() {
        register("T-A", "Tỉnh ủy Hà Giang", "PARTY_COMMITTEE", "PROVINCIAL", null, null);
        register("T-B", "Tỉnh ủy Tuyên Quang (cũ)", "PARTY_COMMITTEE", "PROVINCIAL", null, null);
        register("X-A", "Đảng ủy xã A", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "T-A", null);
        register("T-AB", "Tỉnh ủy Tuyên Quang", "PARTY_COMMITTEE", "PROVINCIAL", null, "2025-07-01");
        Http.Response early = http.post("/api/committees/T-A/dissolve", """
                {"dissolvedOn": "2025-06-30", "successorId": "T-AB", "reason": "sáp nhập"}""");
        assertThat(early.status()).as("the successor did not stand yet").isEqualTo(422);
        for (String old : List.of("T-A", "T-B")) {
            assertThat(http.post("/api/committees/" + old + "/dissolve", """
                    {"dissolvedOn": "2025-07-01", "successorId": "T-AB", "reason": "Hợp nhất tỉnh"}""").status())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/api/committees/T-AB").json().path("predecessors").size() == 2);
        assertThat(find(tree("2025-06-30"), "T-AB")).isNull();
        assertThat(childIds(find(tree("2025-06-30"), "T-A"))).containsExactly("X-A");
        JsonNode merged = find(tree("2025-07-01"), "T-AB");
        assertThat(childIds(merged)).containsExactly("X-A");
        assertThat(find(tree("2025-07-01"), "T-A")).isNull();
    }

    @Test
    @DisplayName("events are stored as readable JSON in bytea with actor and correlation id; no large objects")
    void readableJsonPayloads() {
        http.post("/api/committees", """
                {"id": "TU-JSON", "name": "Tỉnh ủy Vĩnh Long", "kind": "PARTY_COMMITTEE", "level": "PROVINCIAL"}""",
                "X-Correlation-Id", "corr-42");
        var jdbc = app.jdbc();
        List<String> types = jdbc.sql("""
                select data_type from information_schema.columns
                where table_name = 'domain_event_entry' and column_name in ('payload', 'meta_data')""")
                .query(String.class).list();
        assertThat(types).containsExactly("bytea", "bytea");
        String payload = jdbc.sql("""
                select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = 'TU-JSON'""")
                .query(String.class).single();
        JsonNode event = Http.JSON.readTree(payload);
        assertThat(event.get("name").asString()).isEqualTo("Tỉnh ủy Vĩnh Long");
        assertThat(event.get("kind").asString()).isEqualTo("PARTY_COMMITTEE");
        JsonNode metadata = Http.JSON.readTree(jdbc.sql("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = 'TU-JSON'""")
                .query(String.class).single());
        // the acting user and their committee, never anonymous (API.md "Accountability")
        assertThat(metadata.get("actor").asString()).isEqualTo(RunningApp.TESTER);
        assertThat(metadata.get("actorName").asString()).isEqualTo("Người dùng " + RunningApp.TESTER);
        assertThat(metadata.get("actorCommittee").asString()).isEqualTo(RunningApp.CENTRAL);
        assertThat(metadata.get("correlationId").asString()).isEqualTo("corr-42");
        assertThat(jdbc.sql("select count(*) from pg_largeobject_metadata").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    @DisplayName("OpenAPI, its UI, health and Prometheus metrics with Axon's processor metrics are served")
    void operations() {
        Http.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/committees")).isTrue();
        assertThat(docs.json().get("paths").has("/api/committees/{id}/dissolve")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        Http.Response metrics = http.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("committee_tree");
    }
}
