package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@DisplayName("Case endpoints: bad input, unknown ids, forbidden steps, replayed requests and a dissolved committee")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseInputIT {

    private static final String MEMBER = CaseworkScenario.ordinaryMember("57055501", "Hà Văn Quyết", "OFFICIAL", "CB-THON");

    private RunningApp app;
    private Http http;
    private CaseworkScenario scenario;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        http = app.http;
        scenario = new CaseworkScenario(app);
        scenario.province("");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private String plannedCase(String planRef) {
        return scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", "UBKT-TU", MEMBER,
                "Kiểm tra khi có dấu hiệu vi phạm đối với đồng chí Hà Văn Quyết trong việc quản lý quỹ thôn", planRef,
                "2026-01-05", "2026-01-12", "2026-03-31");
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    }

    private static String inTenDays() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10).toString();
    }

    @Nested
    @DisplayName("bad input is 400 listing every field problem, and changes nothing")
    class BadInput {

        @Test
        @DisplayName("a plan missing every field and a MEMBER subject without memberId, fullName and membership")
        void missingFields() {
            Http.Response response = scenario.refused("/api/cases", """
                    {"subject": {"type": "MEMBER", "organizationId": "CB-THON"}}""", 400);
            assertThat(fields(response)).containsExactlyInAnyOrder("type", "committeeId", "content", "planRef",
                    "plannedOn", "plannedFrom", "plannedTo", "subject.memberId", "subject.fullName", "subject.membership");
            assertThat(response.json().get("type").asString()).isEqualTo("urn:ubkt:casework:problem:invalid-request");
        }

        @Test
        @DisplayName("invalid enumeration codes are all listed with the codes allowed")
        void invalidCodes() {
            Http.Response response = scenario.refused("/api/cases", """
                    {"type": "KIEM_TRA", "committeeId": "UBKT-TU",
                     "subject": {"type": "DANG_VIEN", "memberId": "57055501", "fullName": "Hà Văn Quyết",
                                 "membership": "CHINH_THUC", "organizationId": "CB-THON"},
                     "content": "Kiểm tra", "planRef": "KH 01-KH/UBKTTU",
                     "plannedOn": "2026-01-05", "plannedFrom": "2026-01-12", "plannedTo": "2026-03-31"}""", 400);
            assertThat(fields(response)).containsExactlyInAnyOrder("type", "subject.type", "subject.membership");
            assertThat(response.json().get("detail").asString()).contains("INSPECTION_SIGNS_OF_VIOLATION")
                    .contains("PROBATIONARY");
        }

        private List<String> messages(Http.Response response) {
            List<String> messages = new ArrayList<>();
            response.json().get("errors").forEach(error -> messages.add(error.get("message").asString()));
            return messages;
        }

        @Test
        @DisplayName("a conclusion with an unknown outcome and category, no reference and no disciplineWarranted lists all four")
        void badConclusion() {
            String caseId = plannedCase("KH 31-KH/UBKTTU");
            Http.Response response = scenario.refused("/api/cases/" + caseId + "/conclude", """
                    {"concludedOn": "2026-03-01", "outcome": "VI_PHAM", "violationCategories": ["DAT_DAI", "LAND_AND_RESOURCES"],
                     "summary": "Vi phạm quản lý đất đai"}""", 400);
            List<String> messages = messages(response);
            assertThat(messages).as(response.toString()).hasSize(4)
                    .anyMatch(m -> m.contains("NO_VIOLATION, SHORTCOMING, VIOLATION, SIGNS_OF_VIOLATION"))
                    .anyMatch(m -> m.contains("LAND_AND_RESOURCES"));
            assertThat(fields(response)).containsExactlyInAnyOrder("outcome", "violationCategories[0]", "conclusionRef",
                    "disciplineWarranted");
            assertThat(scenario.types(caseId)).containsExactly("CasePlanned");
        }

        @Test
        @DisplayName("ballot keys that are not forms, and no eligible voters, are all listed")
        void ballotKeysThatAreNotForms() {
            String caseId = plannedCase("KH 32-KH/UBKTTU");
            Http.Response response = scenario.refused("/api/cases/" + caseId + "/discipline-decisions", """
                    {"decidedOn": "2026-03-01", "decidingCommitteeId": "UBKT-TU", "decisionRef": "QĐ 90-QĐ/UBKTTU",
                     "eligibleVoters": 0, "ballot": {"CANH_CAO": 8, "KHIEN_TRACH": 2, "NONE": 1},
                     "announcedOn": "2026-03-02", "effectiveOn": "2026-03-02"}""", 400);
            List<String> messages = messages(response);
            assertThat(messages).as(response.toString()).hasSize(3);
            assertThat(messages).filteredOn(m -> m.contains("REPRIMAND|WARNING|DISMISSAL|EXPULSION")).hasSize(2);
            assertThat(fields(response)).containsExactlyInAnyOrder("eligibleVoters", "ballot.CANH_CAO", "ballot.KHIEN_TRACH");
            assertThat(scenario.types(caseId)).containsExactly("CasePlanned");
        }

        @Test
        @DisplayName("malformed JSON and a date that is not a date")
        void malformed() {
            String caseId = plannedCase("KH 33-KH/UBKTTU");
            scenario.refused("/api/cases/" + caseId + "/open", "{\"openedOn\": ", 400);
            Http.Response badDate = scenario.refused("/api/cases/" + caseId + "/open", """
                    {"openedOn": "12/01/2026", "decisionRef": "QĐ 1", "team": [{"memberId": "KT-1", "fullName": "Phạm Thị Thu Hà"}],
                     "leadMemberId": "KT-1"}""", 400);
            assertThat(fields(badDate)).containsExactly("openedOn");
            assertThat(scenario.types(caseId)).containsExactly("CasePlanned");
        }
    }

    @Test
    @DisplayName("an unknown case is 404")
    void unknownCase() {
        Http.Response response = scenario.refused("/api/cases/khong-co-vu-viec-nay/open",
                CaseworkScenario.openBody("2026-01-12", "QĐ 01-QĐ/UBKTTU"), 404);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:ubkt:casework:problem:not-found");
        scenario.refused("/api/cases/khong-co-vu-viec-nay/close", "{\"closedOn\": \"2026-01-12\"}", 404);
    }

    @Test
    @DisplayName("a step the status does not allow is 409 with the current status and the steps allowed")
    void stepNotAllowed() {
        String caseId = plannedCase("KH 34-KH/UBKTTU");
        Http.Response response = scenario.refused("/api/cases/" + caseId + "/conclude", """
                {"concludedOn": "2026-03-01", "conclusionRef": "TB 1", "outcome": "NO_VIOLATION",
                 "violationCategories": [], "disciplineWarranted": false, "summary": "Không vi phạm"}""", 409);
        assertThat(response.json().get("currentStatus").asString()).isEqualTo("PLANNED");
        List<String> allowed = new ArrayList<>();
        response.json().get("allowed").forEach(step -> allowed.add(step.asString()));
        assertThat(allowed).containsExactlyInAnyOrder("OPEN", "TRANSFER", "WITHDRAW");
        assertThat(scenario.types(caseId)).containsExactly("CasePlanned");
    }

    @Test
    @DisplayName("a business date in the future is 422 R-DATES, for a plan and for a step")
    void futureDates() {
        Http.Response plan = scenario.refusedByRule("/api/cases", """
                {"type": "INSPECTION_SIGNS_OF_VIOLATION", "committeeId": "UBKT-TU", "subject": %s,
                 "content": "Kiểm tra", "planRef": "KH 35-KH/UBKTTU",
                 "plannedOn": "%s", "plannedFrom": "%s", "plannedTo": "%s"}""".formatted(MEMBER, inTenDays(), inTenDays(),
                inTenDays()), "R-DATES");
        assertThat(fields(plan)).containsExactly("plannedOn");

        String caseId = plannedCase("KH 36-KH/UBKTTU");
        Http.Response open = scenario.refusedByRule("/api/cases/" + caseId + "/open",
                CaseworkScenario.openBody(inTenDays(), "QĐ 36-QĐ/UBKTTU"), "R-DATES");
        assertThat(fields(open)).containsExactly("openedOn");
        assertThat(open.json().get("detail").asString()).contains(inTenDays()).contains(today());
        assertThat(scenario.types(caseId)).containsExactly("CasePlanned");
    }

    @Nested
    @DisplayName("Idempotency-Key replays the first answer and appends nothing")
    class Idempotency {

        @Test
        @DisplayName("on planning a case")
        void onPlan() {
            String body = """
                    {"type": "SUPERVISION_REGULAR", "committeeId": "UBKT-TU", "subject": {"type": "ORGANIZATION", "organizationId": "DU-XA"},
                     "content": "Giám sát thường xuyên Đảng ủy xã Sơn Dương năm 2026", "planRef": "KH 01-KH/UBKTTU",
                     "plannedOn": "2026-01-05", "plannedFrom": "2026-01-05", "plannedTo": "2026-12-31"}""";
            long before = app.eventCount();
            Http.Response first = http.post("/api/cases", body, "Idempotency-Key", "ke-hoach-giam-sat-2026");
            Http.Response second = http.post("/api/cases", body, "Idempotency-Key", "ke-hoach-giam-sat-2026");
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.header("Location")).isEqualTo(first.header("Location"));
            assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(first.header("Idempotent-Replayed")).isNull();
            assertThat(app.eventCount()).isEqualTo(before + 1);
            assertThat(scenario.types(first.json().get("id").asString())).containsExactly("CasePlanned");
        }

        @Test
        @DisplayName("on a case step, and the same key with another body is 422")
        void onStep() {
            String caseId = plannedCase("KH 37-KH/UBKTTU");
            String body = CaseworkScenario.openBody("2026-01-12", "QĐ 37-QĐ/UBKTTU");
            long before = app.eventCount();
            Http.Response first = http.post("/api/cases/" + caseId + "/open", body, "Idempotency-Key", "mo-vu-viec-37");
            Http.Response second = http.post("/api/cases/" + caseId + "/open", body, "Idempotency-Key", "mo-vu-viec-37");
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(first.json().get("version").asLong()).isEqualTo(1);
            assertThat(second.status()).as(second.toString()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(app.eventCount()).isEqualTo(before + 1);
            assertThat(scenario.types(caseId)).containsExactly("CasePlanned", "CaseOpened");

            scenario.refused("/api/cases/" + caseId + "/open", CaseworkScenario.openBody("2026-01-13", "QĐ 37-QĐ/UBKTTU"),
                    422, "Idempotency-Key", "mo-vu-viec-37");
            // without the key, a second opening is the state machine's business
            scenario.refused("/api/cases/" + caseId + "/open", body, 409);
        }
    }

    @Test
    @DisplayName("a dissolved committee's open cases move to its successor; its closed case stays where it ended")
    void dissolution() {
        scenario.committee("DU-HT", "Đảng ủy xã Hợp Thành", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "TU", 13);
        scenario.committee("CB-HT", "Chi bộ thôn Đồng Khuân", "CELL", "CELL", "DU-HT", 19);
        String subject = "{\"type\": \"ORGANIZATION\", \"organizationId\": \"CB-HT\"}";
        String planned = scenario.plan("INSPECTION_TASK_PERFORMANCE", "DU-HT", subject,
                "Kiểm tra việc thực hiện Nghị quyết của Chi bộ thôn Đồng Khuân", "KH 02-KH/ĐU", "2026-03-02", "2026-03-09", "2026-05-29");
        String open = scenario.plan("INSPECTION_FINANCE", "DU-HT", subject,
                "Kiểm tra thu, nộp đảng phí của Chi bộ thôn Đồng Khuân", "KH 03-KH/ĐU", "2026-03-02", "2026-03-09", "2026-05-29");
        scenario.step(open, "open", CaseworkScenario.openBody("2026-03-09", "QĐ 05-QĐ/ĐU"), "OPEN", 1);
        String closed = scenario.plan("SUPERVISION_THEMATIC", "DU-HT", subject,
                "Giám sát chuyên đề công tác phát triển đảng viên của Chi bộ thôn Đồng Khuân", "KH 04-KH/ĐU",
                "2026-02-02", "2026-02-09", "2026-03-31");
        scenario.step(closed, "open", CaseworkScenario.openBody("2026-02-09", "QĐ 03-QĐ/ĐU"), "OPEN", 1);
        scenario.step(closed, "conclude", """
                {"concludedOn": "2026-03-30", "conclusionRef": "Thông báo số 02-TB/ĐU", "outcome": "NO_VIOLATION",
                 "violationCategories": [], "disciplineWarranted": false, "summary": "Chi bộ thực hiện tốt công tác phát triển đảng viên"}""",
                "CONCLUDED", 2);
        scenario.step(closed, "close", "{\"closedOn\": \"2026-04-02\"}", "CLOSED", 3);

        Http.Response wrongKind = scenario.refused("/api/committees/DU-HT/dissolve", """
                {"dissolvedOn": "2026-06-30", "successorId": "UBKT-TU", "reason": "Sáp nhập"}""", 422);
        assertThat(wrongKind.json().get("rule").asString()).isEqualTo("TREE-SUCCESSOR");

        Http.Response dissolved = http.post("/api/committees/DU-HT/dissolve", """
                {"dissolvedOn": "2026-06-30", "successorId": "DU-XA",
                 "reason": "Sáp nhập Đảng bộ xã Hợp Thành vào Đảng bộ xã Sơn Dương"}""");
        assertThat(dissolved.status()).as(dissolved.toString()).isEqualTo(200);

        for (String moved : List.of(planned, open)) {
            JsonNode transfer = scenario.only(moved, "CaseTransferred");
            assertThat(transfer.get("cause").asString()).isEqualTo("DISSOLUTION");
            assertThat(transfer.get("fromCommitteeId").asString()).isEqualTo("DU-HT");
            assertThat(transfer.get("toCommitteeId").asString()).isEqualTo("DU-XA");
            assertThat(transfer.get("transferredOn").asString()).isEqualTo("2026-06-30");
        }
        assertThat(scenario.types(planned)).containsExactly("CasePlanned", "CaseTransferred");
        assertThat(scenario.types(open)).containsExactly("CasePlanned", "CaseOpened", "CaseTransferred");
        assertThat(scenario.types(closed)).containsExactly("CasePlanned", "CaseOpened", "CaseConcluded", "CaseClosed");

        // the successor carries on with the case it received
        scenario.step(planned, "open", CaseworkScenario.openBody("2026-07-06", "QĐ 71-QĐ/ĐU"), "OPEN", 2);
    }
}
