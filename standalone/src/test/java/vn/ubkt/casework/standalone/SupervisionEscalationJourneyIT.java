package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@DisplayName("A thematic supervision that finds signs of violation escalates into an inspection, a dismissal, and an appeal")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionEscalationJourneyIT {

    /** The commune party secretary: sits on the commune committee, holds a post, a cadre of the provincial standing committee. */
    private static final String SECRETARY = """
            {"type": "MEMBER", "memberId": "57030112", "fullName": "Vũ Đức Thịnh", "membership": "OFFICIAL",
             "organizationId": "DU-XA", "committeeMemberOf": ["DU-XA"], "managedByCommitteeId": "BTV-TU",
             "posts": ["Bí thư Đảng ủy xã Sơn Dương"]}""";

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

    private static String decision(String decidedOn, String decisionRef) {
        return """
                {"decidedOn": "%s", "decidingCommitteeId": "BTV-TU", "decisionRef": "%s", "eligibleVoters": 15,
                 "ballot": {"DISMISSAL": 9, "WARNING": 4, "NONE": 2},
                 "announcedOn": "2026-08-07", "effectiveOn": "%s"}""".formatted(decidedOn, decisionRef, decidedOn);
    }

    @Test
    @DisplayName("supervision → ESCALATED → inspection → DISMISSAL by the provincial standing committee → appeal → reduced to WARNING by the Central inspection commission")
    void escalationToReducedDismissal() {
        String supervision = scenario.plan("SUPERVISION_THEMATIC", "UBKT-TU", SECRETARY,
                "Giám sát chuyên đề việc thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc và công tác quản lý đất đai "
                        + "đối với đồng chí Bí thư Đảng ủy xã Sơn Dương",
                "KH 03-KH/UBKTTU", "2026-03-02", "2026-03-09", "2026-04-30");
        scenario.step(supervision, "open", CaseworkScenario.openBody("2026-03-09", "QĐ 17-QĐ/UBKTTU"), "OPEN", 1);
        scenario.step(supervision, "findings", """
                {"recordedOn": "2026-04-10", "summary": "Đảng ủy xã không họp bàn tập thể trước khi giao 3,2 ha đất công cho doanh nghiệp thuê",
                 "evidence": [{"ref": "Biên bản làm việc ngày 10/4/2026"}]}""", "OPEN", 2);
        JsonNode concluded = scenario.step(supervision, "conclude", """
                {"concludedOn": "2026-05-15", "conclusionRef": "Thông báo kết quả giám sát số 09-TB/UBKTTU",
                 "outcome": "SIGNS_OF_VIOLATION", "violationCategories": ["DEMOCRATIC_CENTRALISM_AND_WORKING_RULES", "LAND_AND_RESOURCES"],
                 "disciplineWarranted": false,
                 "summary": "Có dấu hiệu vi phạm nguyên tắc tập trung dân chủ và quy định về quản lý đất đai",
                 "escalation": {"planRef": "KH 21-KH/UBKTTU", "plannedFrom": "2026-05-20", "plannedTo": "2026-07-31"}}""",
                "ESCALATED", 4);
        String inspection = concluded.get("escalatedCaseId").asString();
        assertThat(inspection).isNotBlank().isNotEqualTo(supervision);

        assertThat(scenario.types(supervision)).containsExactly("CasePlanned", "CaseOpened", "FindingsRecorded",
                "CaseConcluded", "CaseEscalated");
        assertThat(scenario.only(supervision, "CaseEscalated").get("inspectionCaseId").asString()).isEqualTo(inspection);
        Http.Response closeSupervision = scenario.refused("/api/cases/" + supervision + "/close", """
                {"closedOn": "2026-05-16"}""", 409);
        assertThat(closeSupervision.json().get("currentStatus").asString()).isEqualTo("ESCALATED");

        assertThat(scenario.types(inspection)).containsExactly("CasePlanned");
        JsonNode planned = scenario.only(inspection, "CasePlanned");
        assertThat(planned.get("type").asString()).isEqualTo("INSPECTION_SIGNS_OF_VIOLATION");
        assertThat(planned.get("committeeId").asString()).isEqualTo("UBKT-TU");
        assertThat(planned.get("planRef").asString()).isEqualTo("KH 21-KH/UBKTTU");
        assertThat(planned.get("plannedFrom").asString()).isEqualTo("2026-05-20");
        assertThat(planned.get("origin").get("kind").asString()).isEqualTo("SUPERVISION");
        assertThat(planned.get("origin").get("supervisionCaseId").asString()).isEqualTo(supervision);
        assertThat(planned.get("subject").get("memberId").asString()).isEqualTo("57030112");

        scenario.step(inspection, "open", CaseworkScenario.openBody("2026-05-20", "QĐ 52-QĐ/UBKTTU"), "OPEN", 1);
        scenario.step(inspection, "explanations", """
                {"submittedOn": "2026-06-05", "summary": "Đồng chí Vũ Đức Thịnh giải trình việc giao đất do cấp bách phục vụ dự án"}""",
                "OPEN", 2);
        scenario.step(inspection, "findings", """
                {"recordedOn": "2026-06-20", "summary": "Xác định đồng chí Bí thư tự quyết định giao đất, không thông qua Ban Thường vụ Đảng ủy xã",
                 "evidence": [{"ref": "Hợp đồng thuê đất số 05/HĐ-UBND"}]}""", "OPEN", 3);
        scenario.step(inspection, "conclude", """
                {"concludedOn": "2026-07-15", "conclusionRef": "Thông báo kết luận số 30-TB/UBKTTU", "outcome": "VIOLATION",
                 "violationCategories": ["LAND_AND_RESOURCES", "LAX_LEADERSHIP"],
                 "violationFrom": "2024-01-01", "violationTo": "2025-12-31", "disciplineWarranted": true,
                 "summary": "Vi phạm nguyên tắc tập trung dân chủ, thiếu trách nhiệm, buông lỏng lãnh đạo để xảy ra vi phạm trong quản lý đất đai"}""",
                "CONCLUDED", 4);

        Http.Response notHeard = scenario.refusedByRule("/api/cases/" + inspection + "/discipline-decisions",
                decision("2026-07-20", "QĐ 101-QĐ/TU"), "R-HEARD");
        assertThat(notHeard.json().get("rulebookVersion").asString()).isEqualTo("2026.1");

        scenario.step(inspection, "hearing", """
                {"heardOn": "2026-07-22", "statement": "Tôi nhận khuyết điểm và đề nghị xem xét hình thức cảnh cáo", "proposedForm": "WARNING"}""",
                "CONCLUDED", 5);
        JsonNode decided = scenario.step(inspection, "discipline-decisions", decision("2026-08-05", "QĐ 102-QĐ/TU"),
                "DECIDED", 6);
        assertThat(decided.get("outcome").asString()).isEqualTo("IMPOSED");
        assertThat(decided.get("form").asString()).isEqualTo("DISMISSAL");
        JsonNode disciplineDecided = scenario.only(inspection, "DisciplineDecided");
        assertThat(disciplineDecided.get("form").asString()).isEqualTo("DISMISSAL");
        assertThat(disciplineDecided.get("decidingCommitteeId").asString()).isEqualTo("BTV-TU");
        assertThat(disciplineDecided.get("rulebookVersion").asString()).isEqualTo("2026.1");
        JsonNode window = disciplineDecided.get("deadlines").get(0);
        assertThat(disciplineDecided.get("deadlines")).hasSize(1);
        assertThat(window.get("kind").asString()).isEqualTo("APPEAL_WINDOW");
        assertThat(window.get("dueOn").asString()).isEqualTo("2026-09-07");
        assertThat(window.get("rule").asString()).isEqualTo("R-APPEAL");

        scenario.refusedByRule("/api/cases/" + inspection + "/discipline-decisions",
                decision("2026-08-10", "QĐ 110-QĐ/TU"), "R-ONCE");

        Http.Response late = scenario.refusedByRule("/api/cases/" + inspection + "/appeals", """
                {"filedOn": "2026-09-09", "decisionReceivedOn": "2026-08-08",
                 "grounds": "Hình thức cách chức là quá nặng so với tính chất vi phạm"}""", "R-APPEAL");
        assertThat(late.json().get("detail").asString()).contains("2026-09-08");

        scenario.step(inspection, "appeals", """
                {"filedOn": "2026-09-01", "decisionReceivedOn": "2026-08-08",
                 "grounds": "Hình thức cách chức là quá nặng so với tính chất vi phạm; đề nghị xem xét lại"}""", "APPEALED", 7);

        String resolution = """
                {"resolvedOn": "2026-10-20", "resolvingCommitteeId": "%s", "decisionRef": "QĐ 215-QĐ/UBKTTW",
                 "result": "FORM_REDUCED", "newForm": "WARNING"}""";
        scenario.refusedByRule("/api/cases/" + inspection + "/appeal-resolutions", resolution.formatted("BTV-TU"), "R-DUTIES");
        scenario.refusedByRule("/api/cases/" + inspection + "/appeal-resolutions", resolution.formatted("DU-XA"), "R-APPEAL");
        scenario.step(inspection, "appeal-resolutions", resolution.formatted("UBKT-TW"), "DECIDED", 8);

        JsonNode resolved = scenario.only(inspection, "AppealResolved");
        assertThat(resolved.get("result").asString()).isEqualTo("FORM_REDUCED");
        assertThat(resolved.get("previousForm").asString()).isEqualTo("DISMISSAL");
        assertThat(resolved.get("newForm").asString()).isEqualTo("WARNING");
        assertThat(resolved.get("resolvingCommitteeId").asString()).isEqualTo("UBKT-TW");
        assertThat(scenario.types(inspection)).containsExactly("CasePlanned", "CaseOpened", "ExplanationRecorded",
                "FindingsRecorded", "CaseConcluded", "SubjectHeard", "DisciplineDecided", "AppealFiled", "AppealResolved");
    }
}
