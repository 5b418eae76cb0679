package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.ubkt.casework.standalone.CaseDriver.Discipline;

/**
 * Every projection is idempotent (STYLE.md "Tests"): after a history with every kind of event, the real
 * processors are reset and receive every event again; every figure, document, tree and table reads exactly as
 * before.
 */
@DisplayName("The projections receive every event again through the real processors and change nothing")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionIdempotencyIT {

    private static final List<String> TABLES = List.of("committee_node", "committee_parent_link", "case_view",
            "case_document", "case_deadline", "stat_counter", "stat_case", "stat_complaint", "stat_applied", "complaint_view",
            "identity_request_view", "suspension_view");
    /** The projections reset and replayed: the case driver's, and the intake register with its identity requests. */
    private static final List<String> REPLAYED = java.util.stream.Stream.concat(CaseDriver.PROJECTIONS.stream(),
            java.util.stream.Stream.of("complaints", "suspensions")).toList();

    private static final String THINH = CaseDriver.cadre("57030112", "Vũ Đức Thịnh", "CB-THON", List.of("DU-XA"),
            "BTV-TU", "Bí thư Đảng ủy xã Sơn Dương");

    private RunningApp app;
    private Http http;
    private CaseworkScenario scenario;
    private CaseDriver driver;
    private final List<String> caseIds = new ArrayList<>();
    private String suspension;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        http = app.http;
        scenario = new CaseworkScenario(app);
        driver = new CaseDriver(scenario);
        buildHistory();
        driver.awaitProjections();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** A district and its commune before the reform, the reform, and every kind of case step after it. */
    private void buildHistory() {
        scenario.province("");
        driver.committee("HU", "Huyện ủy Sơn Dương", "PARTY_COMMITTEE", "DISTRICT", "TU", 37, null);
        driver.committee("UBKT-HU", "Ủy ban Kiểm tra Huyện ủy Sơn Dương", "INSPECTION_COMMISSION", "DISTRICT", "HU", 9, null);
        driver.committee("XA-SN", "Đảng ủy xã Sơn Nam", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "HU", 15, null);
        driver.committee("CB-SN", "Chi bộ thôn Khuôn Phày", "CELL", "CELL", "XA-SN", 27, null);
        assertThat(http.patch("/api/committees/XA-SN", """
                {"name": "Đảng ủy xã Sơn Nam (huyện Sơn Dương)", "partyMembers": 420, "cells": 12}""").status())
                .isEqualTo(200);

        caseIds.add(driver.discipline(Discipline.by("UBKT-HU", 9, CaseDriver.member("57040001", "Ma Văn Thắng", "CB-SN"),
                "WARNING", LocalDate.parse("2024-05-20"), "LAND_AND_RESOURCES")));
        caseIds.add(driver.discipline(Discipline.by("XA-SN", 15, CaseDriver.member("57040002", "Hà Thị Dung", "CB-SN"),
                "REPRIMAND", LocalDate.parse("2024-09-10"), "POPULATION_POLICY")));
        caseIds.add(driver.open("INSPECTION_TASK_PERFORMANCE", "UBKT-HU", CaseDriver.organization("XA-SN"),
                "Kiểm tra việc thực hiện quy chế làm việc", LocalDate.parse("2025-05-05")));

        // a reprimand-level violation that ended in January 2019 is out of time by March 2025
        String late = scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", "UBKT-TU",
                CaseDriver.member("57040003", "Nông Văn Lực", "CB-THON"), "Kiểm tra khi có dấu hiệu vi phạm",
                "KH 02-KH/UBKTTU", "2025-01-06", "2025-01-13", "2025-03-31");
        caseIds.add(late);
        scenario.step(late, "open", CaseworkScenario.openBody("2025-01-13", "QĐ 03-QĐ/UBKTTU"), "OPEN", 1);
        scenario.step(late, "conclude", """
                {"concludedOn": "2025-03-10", "conclusionRef": "TB 11-TB/UBKTTU", "outcome": "VIOLATION",
                 "violationCategories": ["FINANCE_AND_ASSETS"], "violationFrom": "2018-01-01", "violationTo": "2019-01-31",
                 "disciplineWarranted": true, "summary": "Vi phạm quy định tài chính"}""", "CONCLUDED", 2);
        scenario.step(late, "hearing", """
                {"heardOn": "2025-03-14", "waived": true, "reason": "Đảng viên từ chối trình bày ý kiến"}""", "CONCLUDED", 3);
        JsonNode notImposed = scenario.step(late, "discipline-decisions", """
                {"decidedOn": "2025-03-20", "decidingCommitteeId": "UBKT-TU", "decisionRef": "QĐ 09-QĐ/UBKTTU",
                 "eligibleVoters": 11, "ballot": {"REPRIMAND": 9, "NONE": 2}, "announcedOn": "2025-03-20",
                 "effectiveOn": "2025-03-20"}""", "DECIDED", 4);
        assertThat(notImposed.get("outcome").asString()).isEqualTo("NOT_IMPOSED");

        // the reform of 1 July 2025
        driver.move("XA-SN", "2025-07-01", "TU");
        driver.dissolve("UBKT-HU", "2025-07-01", "UBKT-TU", "Kết thúc hoạt động cấp huyện");
        driver.dissolve("HU", "2025-07-01", null, "Kết thúc hoạt động cấp huyện");

        caseIds.add(driver.discipline(Discipline.by("XA-SN", 15, CaseDriver.member("57040004", "Lê Văn Hải", "CB-SN"),
                "REPRIMAND", LocalDate.parse("2025-09-15"), "ETHICS_AND_LIFESTYLE")));

        // a cell proposes an expulsion upward, the provincial commission decides it
        String expelled = scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", "CB-THON",
                CaseDriver.member("57040005", "Triệu Văn Sơn", "CB-THON"), "Kiểm tra khi có dấu hiệu vi phạm",
                "KH 01-KH/CB", "2026-01-05", "2026-01-12", "2026-02-28");
        caseIds.add(expelled);
        scenario.step(expelled, "open", CaseworkScenario.openBody("2026-01-12", "QĐ 01-QĐ/CB"), "OPEN", 1);
        scenario.step(expelled, "conclude", """
                {"concludedOn": "2026-02-20", "conclusionRef": "TB 02-TB/CB", "outcome": "VIOLATION",
                 "violationCategories": ["CORRUPTION_AND_NEGATIVITY"], "violationTo": "2025-12-31",
                 "disciplineWarranted": true, "summary": "Vi phạm nghiêm trọng"}""", "CONCLUDED", 2);
        scenario.step(expelled, "hearing", """
                {"heardOn": "2026-02-24", "statement": "Tôi xin nhận mọi hình thức kỷ luật"}""", "CONCLUDED", 3);
        scenario.step(expelled, "discipline-proposals", """
                {"proposedOn": "2026-02-27", "form": "EXPULSION", "proposingCommitteeId": "CB-THON", "toCommitteeId": "UBKT-TU",
                 "reasons": "Vi phạm đến mức phải khai trừ", "ballot": {"EXPULSION": 20, "NONE": 3}, "eligibleVoters": 23}""",
                "DISCIPLINE_PROPOSED", 4);
        scenario.step(expelled, "discipline-decisions", """
                {"decidedOn": "2026-03-10", "decidingCommitteeId": "UBKT-TU", "decisionRef": "QĐ 20-QĐ/UBKTTU",
                 "eligibleVoters": 11, "ballot": {"EXPULSION": 10, "NONE": 1}, "announcedOn": "2026-03-12",
                 "effectiveOn": "2026-03-12"}""", "DECIDED", 5);
        scenario.step(expelled, "close", """
                {"closedOn": "2026-05-01"}""", "CLOSED", 6);

        // a supervision escalates, the inspection ends in a dismissal, reduced on appeal
        String supervision = scenario.plan("SUPERVISION_THEMATIC", "UBKT-TU", THINH, "Giám sát chuyên đề quản lý đất đai",
                "KH 03-KH/UBKTTU", "2026-03-02", "2026-03-09", "2026-04-30");
        caseIds.add(supervision);
        scenario.step(supervision, "open", CaseworkScenario.openBody("2026-03-09", "QĐ 17-QĐ/UBKTTU"), "OPEN", 1);
        scenario.step(supervision, "findings", """
                {"recordedOn": "2026-04-10", "summary": "Giao đất công không qua tập thể",
                 "evidence": [{"ref": "Biên bản làm việc ngày 10/4/2026"}]}""", "OPEN", 2);
        String inspection = scenario.step(supervision, "conclude", """
                {"concludedOn": "2026-05-15", "conclusionRef": "TB 09-TB/UBKTTU", "outcome": "SIGNS_OF_VIOLATION",
                 "violationCategories": ["LAND_AND_RESOURCES"], "disciplineWarranted": false, "summary": "Có dấu hiệu vi phạm",
                 "escalation": {"planRef": "KH 21-KH/UBKTTU", "plannedFrom": "2026-05-20", "plannedTo": "2026-07-31"}}""",
                "ESCALATED", 4).get("escalatedCaseId").asString();
        caseIds.add(inspection);
        scenario.step(inspection, "open", CaseworkScenario.openBody("2026-05-20", "QĐ 52-QĐ/UBKTTU"), "OPEN", 1);
        scenario.step(inspection, "explanations", """
                {"submittedOn": "2026-06-05", "summary": "Giải trình việc giao đất"}""", "OPEN", 2);
        scenario.step(inspection, "conclude", """
                {"concludedOn": "2026-07-15", "conclusionRef": "TB 30-TB/UBKTTU", "outcome": "VIOLATION",
                 "violationCategories": ["LAND_AND_RESOURCES", "LAX_LEADERSHIP"], "violationFrom": "2024-01-01",
                 "violationTo": "2025-12-31", "disciplineWarranted": true, "summary": "Vi phạm quản lý đất đai"}""",
                "CONCLUDED", 3);
        scenario.step(inspection, "hearing", """
                {"heardOn": "2026-07-22", "statement": "Tôi nhận khuyết điểm", "proposedForm": "WARNING"}""", "CONCLUDED", 4);
        scenario.step(inspection, "discipline-decisions", """
                {"decidedOn": "2026-08-05", "decidingCommitteeId": "BTV-TU", "decisionRef": "QĐ 102-QĐ/TU", "eligibleVoters": 15,
                 "ballot": {"DISMISSAL": 9, "WARNING": 4, "NONE": 2}, "announcedOn": "2026-08-07", "effectiveOn": "2026-08-05"}""",
                "DECIDED", 5);
        scenario.step(inspection, "appeals", """
                {"filedOn": "2026-09-01", "decisionReceivedOn": "2026-08-08", "grounds": "Hình thức quá nặng"}""", "APPEALED", 6);
        scenario.step(inspection, "appeal-resolutions", """
                {"resolvedOn": "2026-10-20", "resolvingCommitteeId": "UBKT-TW", "decisionRef": "QĐ 215-QĐ/UBKTTW",
                 "result": "FORM_REDUCED", "newForm": "WARNING"}""", "DECIDED", 7);

        // three letters: accepted and resolved, dismissed as anonymous, transferred to the commune
        String named = complaint("""
                {"name": "Lương Thị Hòa", "address": "Thôn Cầu Trắng", "phone": "0987 654 321"}""", "57040006", "Lộc Văn Tài");
        Http.Response accepted = http.post("/api/complaints/" + named + "/accept", """
                {"acceptedOn": "2026-04-08", "planRef": "KH 31-KH/UBKTTU", "plannedFrom": "2026-04-10", "plannedTo": "2026-06-30"}""");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        String denunciation = accepted.json().get("caseId").asString();
        caseIds.add(denunciation);
        scenario.step(denunciation, "open", CaseworkScenario.openBody("2026-04-10", "QĐ 40-QĐ/UBKTTU"), "OPEN", 1);
        scenario.step(denunciation, "conclude", """
                {"concludedOn": "2026-06-10", "conclusionRef": "TB 25-TB/UBKTTU", "outcome": "SHORTCOMING",
                 "violationCategories": [], "disciplineWarranted": false, "summary": "Có khuyết điểm",
                 "denunciationResult": "PARTLY_TRUE"}""", "CONCLUDED", 2);
        scenario.step(denunciation, "close", """
                {"closedOn": "2026-06-20"}""", "CLOSED", 3);
        String anonymous = complaint(null, "57040007", "Lý Văn Pao");
        assertThat(http.post("/api/complaints/" + anonymous + "/dismiss", """
                {"dismissedOn": "2026-04-06", "reason": "ANONYMOUS"}""").status()).isEqualTo(200);
        String transferred = complaint("""
                {"name": "Hoàng Văn Nam", "address": "Thôn Khuôn Phày", "phone": "0912 000 111"}""", "57040008", "Ma Thị Hạnh");
        Http.Response transfer = http.post("/api/complaints/" + transferred + "/transfer", """
                {"transferredOn": "2026-04-07", "toCommitteeId": "DU-XA", "reason": "Thuộc thẩm quyền của Đảng ủy xã"}""");
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(200);

        // requests to reveal the senders: one approved, one denied, one pending
        Http custodian = app.user("giu-bi-mat", "UBKT-TU", null, "CUSTODIAN");
        RevealSteps.approved(custodian, named, RevealSteps.asked(http, named));
        String denied = RevealSteps.asked(http, transferred);
        assertThat(RevealSteps.decide(custodian, transferred, denied, "deny").status()).isEqualTo(200);
        RevealSteps.asked(http, transferred);

        String withdrawn = scenario.plan("INSPECTION_FINANCE", "DU-XA", CaseDriver.organization("CB-THON"),
                "Kiểm tra tài chính chi bộ", "KH 07-KH/ĐUX", "2026-06-01", "2026-06-15", "2026-07-15");
        caseIds.add(withdrawn);
        scenario.step(withdrawn, "withdraw", """
                {"withdrawnOn": "2026-06-05", "reason": "Trùng kế hoạch kiểm tra của cấp trên"}""", "WITHDRAWN", 1);

        // a suspension of the secretary's party activity for the first case, extended once, and another lifted
        Http.Response suspended = http.post("/api/suspensions", """
                {"member": %s, "kind": "COMMITTEE_ACTIVITY", "suspendedOn": "2026-06-01", "days": 90,
                 "grounds": "Bị khởi tố", "decidingCommitteeId": "UBKT-TU", "decisionRef": "QĐ 03-QĐ/UBKTTU",
                 "caseId": "%s"}""".formatted(THINH, caseIds.get(0)));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);
        suspension = suspended.json().get("id").asString();
        Http.Response extended = http.post("/api/suspensions/" + suspension + "/extension", """
                {"extendedOn": "2026-08-20", "days": 30, "decisionRef": "QĐ 04-QĐ/UBKTTU"}""");
        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        Http.Response other = http.post("/api/suspensions", """
                {"member": %s, "kind": "PARTY_ACTIVITY", "suspendedOn": "2026-07-01", "days": 60,
                 "grounds": "Bị tạm giữ", "decidingCommitteeId": "UBKT-TU", "decisionRef": "QĐ 05-QĐ/UBKTTU"}"""
                .formatted(CaseDriver.member("57040009", "Nông Văn Giữ", "CB-THON")));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        Http.Response lifted = http.post("/api/suspensions/" + other.json().get("id").asString() + "/lift", """
                {"liftedOn": "2026-07-20", "reason": "Được trả tự do"}""");
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
    }

    private String complaint(String denouncer, String memberId, String fullName) {
        Http.Response received = http.post("/api/complaints", """
                {"committeeId": "UBKT-TU", "receivedOn": "2026-04-01", "anonymous": %s, %s "accused": %s,
                 "content": "Phản ánh đồng chí %s vi phạm quy định về đất đai"}""".formatted(denouncer == null,
                denouncer == null ? "" : "\"denouncer\": " + denouncer + ",", CaseDriver.member(memberId, fullName, "CB-THON"),
                fullName));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.json().get("id").asString();
    }

    /** Everything the three read models answer, by what was asked. */
    private Map<String, String> readModels() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String committee : List.of("TW", "TU", "UBKT-TU", "HU", "XA-SN", "CB-THON", "DU-XA")) {
            for (String scope : List.of("OWN", "SUBTREE")) {
                for (String perspective : List.of("ACTOR", "SUBJECT")) {
                    for (String[] period : List.of(new String[] {"2024-01-01", "2026-12-31"},
                            new String[] {"2025-01-01", "2025-06-30"}, new String[] {"2026-01-01", "2026-12-31"})) {
                        String path = "/api/committees/" + committee + "/statistics?from=" + period[0] + "&to=" + period[1]
                                + "&scope=" + scope + "&perspective=" + perspective;
                        answers.put(path, ok(path));
                    }
                }
            }
        }
        for (String lang : List.of("vi", "en")) {
            String path = "/api/committees/TW/report?from=2024-01-01&to=2026-12-31&lang=" + lang;
            answers.put(path, ok(path));
        }
        answers.put("targets", ok("/api/committees/TU/targets?year=2026"));
        for (String on : List.of("2024-01-01", "2025-06-30", "2025-07-01", "2026-11-01")) {
            answers.put("tree " + on, ok("/api/committees?on=" + on));
        }
        for (String node : List.of("TW", "TU", "UBKT-TU", "HU", "UBKT-HU", "XA-SN", "CB-SN", "DU-XA", "CB-THON")) {
            answers.put("node " + node, ok("/api/committees/" + node));
        }
        answers.put("list", ok("/api/cases?size=200&sort=plannedOn,asc"));
        for (String caseId : caseIds) {
            answers.put("case " + caseId, ok("/api/cases/" + caseId));
        }
        answers.put("member", ok("/api/members/57030112/discipline"));
        answers.put("deadlines", ok("/api/deadlines?committeeId=TW"));
        answers.put("complaints", ok("/api/complaints"));
        answers.put("identity requests", ok("/api/identity-requests"));
        answers.put("suspensions", ok("/api/suspensions"));
        answers.put("suspension", ok("/api/suspensions/" + suspension));
        answers.put("case history with its suspension", ok("/api/cases/" + caseIds.get(0) + "/history"));
        return answers;
    }

    private String ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
        return response.body();
    }

    /** Every row of every read-model table, as text, in a stable order. */
    private Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> rows = new ArrayList<>(app.jdbc().sql("select * from " + table).query()
                    .listOfRows().stream().map(row -> row.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList().toString()).toList());
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    @Test
    @DisplayName("reset and replayed committee-tree, case-detail, statistics, complaints and suspensions answer exactly as before")
    void replayChangesNothing() {
        Map<String, String> before = readModels();
        Map<String, List<String>> tablesBefore = tables();

        // the history is not trivial: figures the replay could double
        JsonNode everything = Http.JSON.readTree(before.get(
                "/api/committees/TW/statistics?from=2024-01-01&to=2026-12-31&scope=SUBTREE&perspective=ACTOR"));
        assertThat(everything.at("/disciplined/members/total").asInt()).isEqualTo(5);
        assertThat(everything.at("/disciplined/members/EXPULSION").asInt()).isEqualTo(1);
        assertThat(everything.at("/disciplined/notImposed/members").asInt()).isEqualTo(1);
        assertThat(everything.at("/disciplined/proposedUpward/members").asInt()).isEqualTo(1);
        assertThat(everything.at("/inspected/organizations").asInt()).isEqualTo(1);
        assertThat(everything.at("/supervised/members").asInt()).isEqualTo(1);
        assertThat(everything.at("/concluded/SIGNS_OF_VIOLATION/members").asInt()).isEqualTo(1);
        assertThat(everything.at("/denunciations/received").asInt()).isEqualTo(3);
        assertThat(everything.at("/denunciations/resolved").asInt()).isEqualTo(1);
        assertThat(everything.at("/appeals/byResult/FORM_REDUCED").asInt()).isEqualTo(1);
        assertThat(tablesBefore.get("stat_counter")).hasSizeGreaterThan(40);
        assertThat(tablesBefore.get("case_view")).hasSize(caseIds.size());
        assertThat(tablesBefore.get("committee_parent_link")).hasSize(12 + 1); // and the tests' own central node
        assertThat(tablesBefore.get("identity_request_view")).hasSize(3);
        assertThat(everything.at("/suspended/members").asInt()).isEqualTo(2);
        assertThat(everything.at("/suspended/committeeMembers").asInt()).isEqualTo(1);
        assertThat(tablesBefore.get("suspension_view")).hasSize(2);

        long head = CaseDriver.head(app);
        EventProcessingConfiguration processing = app.context.getBean(EventProcessingConfiguration.class);
        for (String name : REPLAYED) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow(() -> new AssertionError("no streaming processor " + name));
            assertThat(processor.supportsReset()).as(name).isTrue();
            processor.shutDown();
            processor.resetTokens();
            List<String> tokenTypes = app.jdbc().sql("select coalesce(token_type, '') from token_entry where processor_name = :name")
                    .param("name", name).query(String.class).list();
            assertThat(tokenTypes).as(name + " rewound to replay from the first event").isNotEmpty()
                    .allMatch(type -> type.endsWith("ReplayToken"));
            processor.start();
        }
        CaseDriver.awaitCaughtUp(app, head);
        for (String name : REPLAYED) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            // a segment leaves its replay at the position it was reset at or with the event after it
            assertThat(processor.processingStatus().values()).as(name + " replayed up to the position it was reset at")
                    .allSatisfy(segment -> assertThat(segment.getCurrentPosition()).hasValue(head))
                    .allSatisfy(segment -> assertThat(!segment.isReplaying() || segment.getResetPosition().orElse(-1) == head)
                            .isTrue());
        }
        assertThat(CaseDriver.head(app)).as("the replay wrote no events").isEqualTo(head);

        Map<String, List<String>> tablesAfter = tables();
        for (String table : TABLES) {
            assertThat(tablesAfter.get(table)).as(table).containsExactlyElementsOf(tablesBefore.get(table));
        }
        Map<String, String> after = readModels();
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        for (Map.Entry<String, String> answer : before.entrySet()) {
            String now = after.get(answer.getKey());
            if (answer.getKey().startsWith("/api/committees/TW/report")) {
                assertThat(now).as(answer.getKey()).isEqualTo(answer.getValue());
            } else {
                assertThat(Http.JSON.readTree(now)).as(answer.getKey()).isEqualTo(Http.JSON.readTree(answer.getValue()));
            }
        }
    }

    @Test
    @DisplayName("rebuilt, statistics and case-detail (their first pass read case by case, complaint by complaint,"
            + " suspension by suspension) agree with the live tables and leave every table as it was")
    void rebuildChangesNothing() {
        Map<String, List<String>> tablesBefore = tables();
        assertThat(tablesBefore.get("stat_complaint")).isNotEmpty();
        assertThat(tablesBefore.get("suspension_view")).isNotEmpty();
        for (String projection : List.of("statistics", "case-detail")) {
            JsonNode rebuild = SyntheticHistory.rebuilt(http, projection);
            assertThat(rebuild.get("status").asString()).as(rebuild.toString()).isEqualTo("DONE");
            assertThat(rebuild.get("agreed").asBoolean()).as(rebuild.toString()).isTrue();
            assertThat(rebuild.get("differences").asLong()).isZero();
        }
        CaseDriver.awaitCaughtUp(app, CaseDriver.head(app));
        Map<String, List<String>> tablesAfter = tables();
        for (String table : TABLES) {
            assertThat(tablesAfter.get(table)).as(table).containsExactlyElementsOf(tablesBefore.get(table));
        }
    }
}
