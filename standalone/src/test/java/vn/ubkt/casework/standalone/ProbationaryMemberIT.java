package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@DisplayName("A probationary member can only be reprimanded or warned (R-FORMS)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbationaryMemberIT {

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

    private static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    @DisplayName("EXPULSION is refused as a proposal and inside a ballot, explained in Vietnamese or English; a WARNING is then decided")
    void probationaryMemberIsWarnedNotExpelled() {
        String caseId = scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", "DU-XA",
                CaseworkScenario.ordinaryMember("57041207", "Lò Thị Xuân", "PROBATIONARY", "CB-THON"),
                "Kiểm tra khi có dấu hiệu vi phạm đối với đảng viên dự bị Lò Thị Xuân về việc vay nợ không trả, gây mất đoàn kết",
                "KH 04-KH/ĐU", "2026-06-01", "2026-06-03", "2026-07-03");
        scenario.step(caseId, "open", CaseworkScenario.openBody("2026-06-03", "QĐ 11-QĐ/ĐU"), "OPEN", 1);
        scenario.step(caseId, "conclude", """
                {"concludedOn": "2026-07-01", "conclusionRef": "Thông báo kết luận số 05-TB/ĐU", "outcome": "VIOLATION",
                 "violationCategories": ["ETHICS_AND_LIFESTYLE"], "violationFrom": "2025-08-01", "violationTo": "2026-04-30",
                 "disciplineWarranted": true,
                 "summary": "Vi phạm đạo đức, lối sống: vay nợ nhiều người không trả, gây dư luận xấu trong thôn"}""",
                "CONCLUDED", 2);

        String expulsion = """
                {"proposedOn": "2026-07-02", "form": "EXPULSION", "proposingCommitteeId": "CB-THON", "toCommitteeId": "DU-XA",
                 "reasons": "Chi bộ đề nghị khai trừ ra khỏi Đảng", "eligibleVoters": 23,
                 "ballot": {"EXPULSION": 17, "WARNING": 4, "NONE": 2}}""";
        Http.Response vietnamese = scenario.refusedByRule("/api/cases/" + caseId + "/discipline-proposals", expulsion, "R-FORMS");
        assertThat(vietnamese.json().get("rulebookVersion").asString()).isEqualTo("2026.1");
        assertThat(vietnamese.json().get("ruleSource").asString())
                .isEqualTo("QĐ 69-QĐ/TW (2022) art. 7 (forms unchanged by the 2026 texts, as reported)");
        assertThat(vietnamese.json().get("detail").asString()).contains("Đảng viên dự bị").contains("EXPULSION");
        assertThat(fields(vietnamese)).containsExactly("form");

        Http.Response english = scenario.refusedByRule("/api/cases/" + caseId + "/discipline-proposals", expulsion, "R-FORMS",
                "Accept-Language", "en");
        assertThat(english.json().get("rulebookVersion").asString()).isEqualTo("2026.1");
        assertThat(english.json().get("detail").asString()).contains("probationary member").contains("EXPULSION");
        assertThat(english.json().get("detail").asString()).isNotEqualTo(vietnamese.json().get("detail").asString());

        scenario.step(caseId, "hearing", """
                {"heardOn": "2026-07-05", "statement": "Tôi thừa nhận vi phạm, cam kết trả nợ trong năm 2026"}""", "CONCLUDED", 3);

        Http.Response ballotWithExpulsion = scenario.refusedByRule("/api/cases/" + caseId + "/discipline-decisions", """
                {"decidedOn": "2026-07-10", "decidingCommitteeId": "CB-THON", "decisionRef": "QĐ 02-QĐ/CB",
                 "eligibleVoters": 23, "ballot": {"EXPULSION": 16, "WARNING": 5, "NONE": 2},
                 "announcedOn": "2026-07-10", "effectiveOn": "2026-07-10"}""", "R-FORMS");
        assertThat(ballotWithExpulsion.json().get("rulebookVersion").asString()).isEqualTo("2026.1");
        assertThat(fields(ballotWithExpulsion)).containsExactly("ballot.EXPULSION");

        JsonNode decided = scenario.step(caseId, "discipline-decisions", """
                {"decidedOn": "2026-07-10", "decidingCommitteeId": "CB-THON", "decisionRef": "QĐ 02-QĐ/CB",
                 "eligibleVoters": 23, "ballot": {"WARNING": 15, "REPRIMAND": 6, "NONE": 2},
                 "announcedOn": "2026-07-10", "effectiveOn": "2026-07-11"}""", "DECIDED", 4);
        assertThat(decided.get("outcome").asString()).isEqualTo("IMPOSED");
        assertThat(decided.get("form").asString()).isEqualTo("WARNING");
        assertThat(scenario.types(caseId)).containsExactly("CasePlanned", "CaseOpened", "CaseConcluded", "SubjectHeard",
                "DisciplineDecided");
        JsonNode event = scenario.only(caseId, "DisciplineDecided");
        assertThat(event.get("form").asString()).isEqualTo("WARNING");
        assertThat(event.get("decidingCommitteeId").asString()).isEqualTo("CB-THON");
        assertThat(event.get("ballot").get("WARNING").asInt()).isEqualTo(15);
    }
}
