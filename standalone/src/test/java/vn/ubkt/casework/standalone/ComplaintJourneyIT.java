package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@DisplayName("A denunciation letter from intake to a closed case, through the public HTTP API")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintJourneyIT {

    private static final String DENOUNCER_NAME = "Nguyễn Thị Hạnh";
    private static final String DENOUNCER_ADDRESS = "Số 14, thôn Cầu Trắng, xã Sơn Dương, tỉnh Tuyên Quang";
    private static final String DENOUNCER_PHONE = "0912 345 678";

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

    private static String accused(String memberId, String fullName) {
        return CaseworkScenario.ordinaryMember(memberId, fullName, "OFFICIAL", "CB-THON");
    }

    private String receive(String committeeId, String receivedOn, String denouncer, String accused, String content) {
        Http.Response response = http.post("/api/complaints", """
                {"committeeId": "%s", "receivedOn": "%s", "anonymous": %s, %s "accused": %s, "content": "%s"}"""
                .formatted(committeeId, receivedOn, denouncer == null, denouncer == null ? "" : "\"denouncer\": " + denouncer + ",",
                        accused, content));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/complaints/" + response.json().get("id").asString());
        assertThat(response.json().get("version").asLong()).isZero();
        return response.json().get("id").asString();
    }

    private Map<String, Object> denouncerRow(String complaintId) {
        return app.jdbc().sql("""
                select master_key_id, wrapped_key, iv, ciphertext, erased_at from confidential_denouncer
                where complaint_id = :id""")
                .param("id", complaintId).query().singleRow();
    }

    /** Every text anywhere in the events: the raw JSON of payloads and metadata, and every value they hold. */
    private List<String> everythingInTheEventStore() {
        List<String> texts = new ArrayList<>();
        for (CaseworkScenario.StoredEvent event : scenario.allEvents()) {
            texts.add(event.payload());
            texts.add(event.metadata());
            collectValues(event.json(), texts);
            if (event.metadata() != null) {
                collectValues(Http.JSON.readTree(event.metadata()), texts);
            }
        }
        texts.addAll(app.jdbc().sql("select convert_from(payload, 'UTF8') from snapshot_event_entry")
                .query(String.class).list());
        return texts;
    }

    private static void collectValues(JsonNode node, List<String> into) {
        if (node.isValueNode()) {
            into.add(node.asString());
        }
        node.forEach(child -> collectValues(child, into));
    }

    @Test
    @DisplayName("a named denouncer's letter becomes a DENUNCIATION case that ends in a WARNING; the denouncer stays out of every event and can be erased")
    void namedDenouncerToWarning() {
        String denouncer = """
                {"name": "%s", "address": "%s", "phone": "%s"}""".formatted(DENOUNCER_NAME, DENOUNCER_ADDRESS, DENOUNCER_PHONE);
        String complaintId = receive("UBKT-TU", "2026-02-10", denouncer, accused("57012345", "Hoàng Văn Thắng"),
                "Tố cáo đồng chí Hoàng Văn Thắng, đảng viên Chi bộ thôn Cầu Trắng, lợi dụng vị trí trưởng thôn để "
                        + "chuyển đổi trái phép 1.200 m2 đất nông nghiệp sang đất ở và thu tiền của các hộ dân");

        Http.Response accepted = http.post("/api/complaints/" + complaintId + "/accept", """
                {"acceptedOn": "2026-02-20", "planRef": "KH 12-KH/UBKTTU",
                 "plannedFrom": "2026-02-25", "plannedTo": "2026-05-25"}""");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("id").asString()).isEqualTo(complaintId);
        String caseId = accepted.json().get("caseId").asString();
        assertThat(caseId).isNotBlank().isNotEqualTo(complaintId);

        JsonNode planned = scenario.only(caseId, "CasePlanned");
        assertThat(planned.get("type").asString()).isEqualTo("DENUNCIATION");
        assertThat(planned.get("committeeId").asString()).isEqualTo("UBKT-TU");
        assertThat(planned.get("origin").get("kind").asString()).isEqualTo("COMPLAINT");
        assertThat(planned.get("origin").get("complaintId").asString()).isEqualTo(complaintId);
        assertThat(planned.get("subject").get("fullName").asString()).isEqualTo("Hoàng Văn Thắng");
        assertThat(planned.get("deadlines").get(0).get("kind").asString()).isEqualTo("DENUNCIATION_RESOLUTION");

        scenario.step(caseId, "open", CaseworkScenario.openBody("2026-02-25", "QĐ 45-QĐ/UBKTTU"), "OPEN", 1);
        scenario.step(caseId, "explanations", """
                {"submittedOn": "2026-03-10", "summary": "Đồng chí Hoàng Văn Thắng giải trình: việc chuyển đổi đất do UBND xã chủ trương, bản thân chỉ ký xác nhận hồ sơ"}""",
                "OPEN", 2);
        scenario.step(caseId, "findings", """
                {"recordedOn": "2026-03-20", "summary": "Xác minh tại thôn Cầu Trắng: 7 hộ dân nộp tiền cho trưởng thôn, không có quyết định chuyển mục đích sử dụng đất",
                 "evidence": [{"ref": "Biên bản xác minh số 03-BB/ĐKT",
                               "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
                              {"ref": "Sổ thu tiền của thôn năm 2024"}]}""",
                "OPEN", 3);
        JsonNode concluded = scenario.step(caseId, "conclude", """
                {"concludedOn": "2026-04-08", "conclusionRef": "Thông báo kết luận số 21-TB/UBKTTU", "outcome": "VIOLATION",
                 "violationCategories": ["LAND_AND_RESOURCES", "FORBIDDEN_CONDUCT"],
                 "violationFrom": "2023-05-01", "violationTo": "2025-09-30", "disciplineWarranted": true,
                 "summary": "Nội dung tố cáo đúng một phần: vi phạm quy định về quản lý đất đai và những điều đảng viên không được làm",
                 "denunciationResult": "PARTLY_TRUE"}""", "CONCLUDED", 4);
        assertThat(concluded.path("escalatedCaseId").isMissingNode() || concluded.get("escalatedCaseId").isNull()).isTrue();
        JsonNode conclusion = scenario.only(caseId, "CaseConcluded");
        assertThat(conclusion.get("denunciationResult").asString()).isEqualTo("PARTLY_TRUE");
        assertThat(conclusion.get("violationCategories")).extracting(JsonNode::asString)
                .containsExactly("LAND_AND_RESOURCES", "FORBIDDEN_CONDUCT");

        scenario.step(caseId, "hearing", """
                {"heardOn": "2026-04-15", "statement": "Tôi nhận thấy khuyết điểm, vi phạm và thành khẩn kiểm điểm", "proposedForm": "REPRIMAND"}""",
                "CONCLUDED", 5);
        JsonNode decided = scenario.step(caseId, "discipline-decisions", """
                {"decidedOn": "2026-04-22", "decidingCommitteeId": "UBKT-TU", "decisionRef": "QĐ 88-QĐ/UBKTTU",
                 "eligibleVoters": 11, "ballot": {"WARNING": 8, "REPRIMAND": 2, "NONE": 1},
                 "announcedOn": "2026-04-24", "effectiveOn": "2026-04-22"}""", "DECIDED", 6);
        assertThat(decided.get("outcome").asString()).isEqualTo("IMPOSED");
        assertThat(decided.get("form").asString()).isEqualTo("WARNING");
        assertThat(scenario.only(caseId, "DisciplineDecided").get("form").asString()).isEqualTo("WARNING");
        scenario.step(caseId, "close", """
                {"closedOn": "2026-06-01"}""", "CLOSED", 7);
        assertThat(scenario.types(caseId)).containsExactly("CasePlanned", "CaseOpened", "ExplanationRecorded",
                "FindingsRecorded", "CaseConcluded", "SubjectHeard", "DisciplineDecided", "CaseClosed");

        // the identity is only in the confidential store, and there only sealed
        List<String> stored = everythingInTheEventStore();
        for (String secret : List.of(DENOUNCER_NAME, DENOUNCER_ADDRESS, DENOUNCER_PHONE)) {
            assertThat(stored).as("no event names " + secret).noneMatch(text -> text != null && text.contains(secret));
        }
        assertThat(stored).as("the accused is named").anyMatch(text -> text != null && text.contains("Hoàng Văn Thắng"));
        Map<String, Object> row = denouncerRow(complaintId);
        assertThat(row.get("master_key_id")).isNotNull();
        assertThat((byte[]) row.get("wrapped_key")).hasSize(60);
        assertThat((byte[]) row.get("iv")).hasSize(12);
        assertThat((byte[]) row.get("ciphertext")).isNotEmpty();
        assertThat(row.get("erased_at")).isNull();

        // erasure destroys the key material, adds one event and rewrites none
        List<CaseworkScenario.StoredEvent> before = scenario.allEvents();
        Http.Response erased = http.post("/api/complaints/" + complaintId + "/erase-denouncer", """
                {"erasedOn": "2026-06-15", "reason": "Người tố cáo đề nghị xóa thông tin cá nhân sau khi vụ việc kết thúc"}""");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(erased.json().get("version").asLong()).isEqualTo(2);

        row = denouncerRow(complaintId);
        assertThat(row.get("master_key_id")).isNull();
        assertThat(row.get("wrapped_key")).isNull();
        assertThat(row.get("iv")).isNull();
        assertThat(row.get("ciphertext")).isNull();
        assertThat(row.get("erased_at")).isNotNull();

        List<CaseworkScenario.StoredEvent> after = scenario.allEvents();
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after).containsAll(before);
        List<CaseworkScenario.StoredEvent> added = new ArrayList<>(after);
        added.removeAll(before);
        assertThat(added).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("DenouncerIdentityErased");
            assertThat(event.aggregateId()).isEqualTo(complaintId);
            assertThat(event.sequence()).isEqualTo(2);
            assertThat(event.payload()).doesNotContain(DENOUNCER_NAME).doesNotContain(DENOUNCER_PHONE);
        });

        Http.Response again = scenario.refused("/api/complaints/" + complaintId + "/erase-denouncer", """
                {"erasedOn": "2026-06-16", "reason": "Lặp lại"}""", 409);
        assertThat(again.json().get("currentStatus").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    @DisplayName("an anonymous letter cannot be accepted (R-INTAKE) but can be dismissed as ANONYMOUS, and once dismissed not accepted")
    void anonymousLetter() {
        String complaintId = receive("UBKT-TU", "2026-03-02", null, accused("57019876", "Lý Văn Tài"),
                "Đơn không ký tên phản ánh đồng chí Lý Văn Tài có biểu hiện vụ lợi trong việc xét hộ nghèo năm 2025");
        assertThat(app.jdbc().sql("select count(*) from confidential_denouncer where complaint_id = :id")
                .param("id", complaintId).query(Long.class).single()).isZero();
        String accept = """
                {"acceptedOn": "2026-03-05", "planRef": "KH 15-KH/UBKTTU", "plannedFrom": "2026-03-10", "plannedTo": "2026-06-10"}""";

        Http.Response refused = scenario.refusedByRule("/api/complaints/" + complaintId + "/accept", accept, "R-INTAKE");
        assertThat(refused.json().get("rulebookVersion").asString()).isEqualTo("2025.1");
        assertThat(refused.json().get("detail").asString()).contains("nặc danh");

        Http.Response dismissed = http.post("/api/complaints/" + complaintId + "/dismiss", """
                {"dismissedOn": "2026-03-06", "reason": "ANONYMOUS", "note": "Đơn nặc danh; chuyển làm thông tin tham khảo cho kế hoạch kiểm tra"}""");
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        assertThat(dismissed.json().get("status").asString()).isEqualTo("DISMISSED");
        assertThat(dismissed.json().get("version").asLong()).isEqualTo(1);
        assertThat(scenario.only(complaintId, "ComplaintDismissed").get("reason").asString()).isEqualTo("ANONYMOUS");

        Http.Response afterDismissal = scenario.refused("/api/complaints/" + complaintId + "/accept", accept, 409);
        assertThat(afterDismissal.json().get("currentStatus").asString()).isEqualTo("DISMISSED");
        assertThat(scenario.types(complaintId)).containsExactly("ComplaintReceived", "ComplaintDismissed");
    }

    @Test
    @DisplayName("a letter transferred to another committee is then held by it: its case is planned there")
    void transferredLetter() {
        String complaintId = receive("UBKT-TU", "2026-04-01", """
                {"name": "Trần Văn Lộc", "address": "Tổ 5, xã Sơn Dương, tỉnh Tuyên Quang"}""",
                accused("57024680", "Đặng Thị Mai"),
                "Tố cáo đồng chí Đặng Thị Mai, đảng viên Chi bộ thôn Cầu Trắng, vi phạm chính sách dân số - kế hoạch hóa gia đình");

        Http.Response transferred = http.post("/api/complaints/" + complaintId + "/transfer", """
                {"transferredOn": "2026-04-03", "toCommitteeId": "DU-XA", "reason": "Thuộc thẩm quyền giải quyết của Đảng ủy xã Sơn Dương"}""");
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(transferred.json().get("version").asLong()).isEqualTo(1);
        JsonNode event = scenario.only(complaintId, "ComplaintTransferred");
        assertThat(event.get("fromCommitteeId").asString()).isEqualTo("UBKT-TU");
        assertThat(event.get("toCommitteeId").asString()).isEqualTo("DU-XA");

        Http.Response again = scenario.refused("/api/complaints/" + complaintId + "/transfer", """
                {"transferredOn": "2026-04-04", "toCommitteeId": "DU-XA", "reason": "Chuyển lại"}""", 409);
        assertThat(again.json().get("detail").asString()).contains("DU-XA");

        Http.Response accepted = http.post("/api/complaints/" + complaintId + "/accept", """
                {"acceptedOn": "2026-04-10", "planRef": "KH 07-KH/ĐU", "plannedFrom": "2026-04-15", "plannedTo": "2026-06-15"}""");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        String caseId = accepted.json().get("caseId").asString();
        assertThat(scenario.only(caseId, "CasePlanned").get("committeeId").asString()).isEqualTo("DU-XA");
        Set<String> complaintEvents = new HashSet<>(scenario.types(complaintId));
        assertThat(complaintEvents).containsExactlyInAnyOrder("ComplaintReceived", "ComplaintTransferred", "ComplaintAccepted");
    }
}
