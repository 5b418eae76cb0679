package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Suspension of party activity through the public API (API.md 1.1): suspended, extended once, refused a second or a
 * longer extension, ended by itself, lifted; shown on the member's record, the case's audit trail and page, the
 * deadlines, the statistics and the report; hidden outside the jurisdiction and from the member themself.
 */
@DisplayName("Suspension of party activity: 90 days, extended once by at most 30, counted, shown and kept confidential")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuspensionIT {

    private static final String P = "SP-";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private RunningApp app;
    private CaseworkScenario scenario;
    private String caseId;
    private String active;
    private String ended;
    private String committeeActivity;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        scenario = new CaseworkScenario(app);
        scenario.province(P);
        caseId = scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", P + "UBKT-TU", member("SP-M-1", "Hoàng Văn Tạm"),
                "Kiểm tra khi có dấu hiệu vi phạm của đồng chí Hoàng Văn Tạm", "KH 21-KH/UBKTTU", "2026-03-02",
                "2026-03-02", "2026-12-31");
        active = suspend(member("SP-M-1", "Hoàng Văn Tạm"), "PARTY_ACTIVITY", TODAY.minusDays(20), 90, caseId);
        ended = suspend(member("SP-M-2", "Lương Thị Hết"), "PARTY_ACTIVITY", LocalDate.of(2026, 5, 4), 90, null);
        committeeActivity = suspend("""
                {"type": "MEMBER", "memberId": "SP-M-3", "fullName": "Đinh Văn Ủy", "membership": "OFFICIAL",
                 "organizationId": "%sCB-THON", "committeeMemberOf": ["%sDU-XA"], "posts": ["Ủy viên Ban Chấp hành Đảng bộ xã"]}"""
                .formatted(P, P), "COMMITTEE_ACTIVITY", TODAY.minusDays(5), 60, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.http.get("/api/suspensions/" + committeeActivity).status() == 200
                && app.http.get("/api/suspensions/" + ended).status() == 200
                && app.http.get("/api/suspensions/" + active).status() == 200);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String member(String memberId, String name) {
        return CaseworkScenario.ordinaryMember(memberId, name, "OFFICIAL", P + "CB-THON");
    }

    private String body(String member, String kind, LocalDate on, int days, String caseId) {
        return """
                {"member": %s, "kind": "%s", "suspendedOn": "%s", "days": %d,
                 "grounds": "Bị khởi tố, tạm giam để điều tra", "decidingCommitteeId": "%sUBKT-TU",
                 "decisionRef": "QĐ 05-QĐ/UBKTTU"%s}""".formatted(member, kind, on, days, P,
                caseId == null ? "" : ", \"caseId\": \"" + caseId + "\"");
    }

    private String suspend(String member, String kind, LocalDate on, int days, String caseId) {
        Http.Response response = app.http.post("/api/suspensions", body(member, kind, on, days, caseId));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith("/api/suspensions/" + response.json().get("id").asString());
        assertThat(response.json().get("endsOn").asString()).isEqualTo(on.plusDays(days - 1L).toString());
        return response.json().get("id").asString();
    }

    @Test
    @DisplayName("90 days extended by 30 is accepted; a second extension, or one of 31 days, is refused with R-SUSPENSION")
    void extendedOnce() {
        String id = suspend(member("SP-M-4", "Vi Văn Gia"), "PARTY_ACTIVITY", TODAY.minusDays(30), 90, null);
        String extension = """
                {"extendedOn": "%s", "days": %d, "decisionRef": "QĐ 06-QĐ/UBKTTU"}""";
        Http.Response tooLong = scenario.refusedByRule("/api/suspensions/" + id + "/extension",
                extension.formatted(TODAY, 31), "R-SUSPENSION", "Accept-Language", "en");
        assertThat(tooLong.json().get("rulebookVersion").asString()).isEqualTo("2026.2");
        assertThat(tooLong.json().get("ruleSource").asString()).contains("QĐ 21-QĐ/TW");
        assertThat(tooLong.json().get("detail").asString()).contains("31 days").contains("30");

        Http.Response extended = app.http.post("/api/suspensions/" + id + "/extension", extension.formatted(TODAY, 30));
        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        assertThat(extended.json().get("id").asString()).isEqualTo(id);
        assertThat(extended.json().get("endsOn").asString()).isEqualTo(TODAY.minusDays(30).plusDays(119).toString());

        Http.Response second = scenario.refusedByRule("/api/suspensions/" + id + "/extension",
                extension.formatted(TODAY, 5), "R-SUSPENSION");
        assertThat(second.json().get("detail").asString()).contains("gia hạn");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                app.http.get("/api/suspensions/" + id).json().path("extended").asBoolean(false));
        JsonNode view = app.http.get("/api/suspensions/" + id).json();
        assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.get("endsOn").asString()).isEqualTo(extended.json().get("endsOn").asString());
        assertThat(types(view.get("history"))).containsExactly("MemberSuspended", "SuspensionExtended");
        assertThat(app.jdbc().sql("select count(*) from read_audit where kind = 'SUSPENSION' and item_id = :id")
                .param("id", id).query(Long.class).single()).as("each read is in the read audit").isPositive();
    }

    @Test
    @DisplayName("91 days, committee activity of a member on no committee, and a cell as deciding body are refused")
    void refusals() {
        scenario.refusedByRule("/api/suspensions", body(member("SP-M-5", "Mã Văn Dài"), "PARTY_ACTIVITY",
                TODAY.minusDays(1), 91, null), "R-SUSPENSION");
        scenario.refusedByRule("/api/suspensions", body(member("SP-M-5", "Mã Văn Dài"), "COMMITTEE_ACTIVITY",
                TODAY.minusDays(1), 30, null), "R-SUSPENSION");
        scenario.refusedByRule("/api/suspensions", body(member("SP-M-5", "Mã Văn Dài"), "PARTY_ACTIVITY",
                TODAY.minusDays(1), 30, null).replace(P + "UBKT-TU", P + "CB-THON"), "R-SUSPENSION-COMPETENCE");
        Http.Response organization = scenario.refused("/api/suspensions", body("""
                {"type": "ORGANIZATION", "organizationId": "%sCB-THON"}""".formatted(P), "PARTY_ACTIVITY",
                TODAY.minusDays(1), 30, null), 400);
        assertThat(organization.body()).contains("member");
    }

    @Test
    @DisplayName("a suspension past its last day shows as ENDED, its end an overdue deadline; it can no longer be lifted")
    void endedByItself() {
        JsonNode view = app.http.get("/api/suspensions/" + ended).json();
        assertThat(view.get("status").asString()).isEqualTo("ENDED");
        assertThat(view.get("endsOn").asString()).isEqualTo("2026-08-01");
        JsonNode overdue = app.http.get("/api/deadlines?committeeId=" + P + "TU&overdue=true").json();
        assertThat(overdue.valueStream().filter(d -> ended.equals(d.path("suspensionId").asString(null))).toList())
                .singleElement().satisfies(d -> {
                    assertThat(d.get("kind").asString()).isEqualTo("SUSPENSION_END");
                    assertThat(d.get("dueOn").asString()).isEqualTo("2026-08-01");
                    assertThat(d.get("overdue").asBoolean()).isTrue();
                });
        JsonNode open = app.http.get("/api/deadlines?committeeId=" + P + "TU").json();
        assertThat(open.valueStream().map(d -> d.path("suspensionId").asString("")).toList()).contains(active);
        assertThat(ids(app.http.get("/api/suspensions?committeeId=" + P + "TU&active=true").json()))
                .contains(active, committeeActivity).doesNotContain(ended);
        String dashboard = app.http.get("/ui/committees/" + P + "TU?from=2026-01-01&to=" + TODAY).body();
        assertThat(dashboard).contains("id=\"fig-suspended\"").contains("suspension-end").contains("Lương Thị Hết");
        scenario.refusedByRule("/api/suspensions/" + ended + "/lift", """
                {"liftedOn": "%s", "reason": "Đình chỉ điều tra"}""".formatted(TODAY), "R-SUSPENSION");
    }

    @Test
    @DisplayName("it is on the member's record and in the case's audit trail and page; lifted, it shows LIFTED")
    void recordCaseAndLift() {
        JsonNode record = app.http.get("/api/members/SP-M-1/discipline").json();
        assertThat(record.valueStream().filter(e -> "SUSPENSION".equals(e.get("entry").asString())).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.get("caseId").asString()).isEqualTo(caseId);
                    assertThat(e.get("suspension").get("id").asString()).isEqualTo(active);
                    assertThat(e.get("state").asString()).isEqualTo("ACTIVE");
                });
        JsonNode history = app.http.get("/api/cases/" + caseId + "/history").json();
        assertThat(types(history)).containsExactly("CasePlanned", "MemberSuspended");
        assertThat(app.http.get("/ui/cases/" + caseId).body()).contains("case-suspensions");

        String id = suspend(member("SP-M-6", "Lò Văn Nhấc"), "PARTY_ACTIVITY", TODAY.minusDays(10), 90, caseId);
        Http.Response lifted = app.http.post("/api/suspensions/" + id + "/lift", """
                {"liftedOn": "%s", "reason": "Cơ quan điều tra đình chỉ điều tra"}""".formatted(TODAY.minusDays(2)));
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "LIFTED".equals(app.http.get("/api/suspensions/" + id).json().path("status").asString("")));
        assertThat(app.http.get("/api/suspensions/" + id).json().get("liftedOn").asString())
                .isEqualTo(TODAY.minusDays(2).toString());
        scenario.refused("/api/suspensions/" + id + "/lift", """
                {"liftedOn": "%s", "reason": "Lần hai"}""".formatted(TODAY), 409);
    }

    @Test
    @DisplayName("statistics count suspensions on their day, committee members apart; the report says so")
    void statistics() {
        JsonNode year = app.http.get("/api/committees/" + P + "TU/statistics?from=2026-05-01&to=2026-05-31&scope=SUBTREE")
                .json().get("suspended");
        assertThat(year.get("members").asInt()).isEqualTo(1);
        assertThat(year.get("committeeMembers").asInt()).isZero();
        JsonNode recent = app.http.get("/api/committees/" + P + "TU/statistics?from=" + TODAY.minusDays(5) + "&to="
                + TODAY + "&scope=SUBTREE&perspective=SUBJECT").json().get("suspended");
        assertThat(recent.get("committeeMembers").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode none = app.http.get("/api/committees/" + P + "TU/statistics?from=2025-01-01&to=2025-12-31&scope=SUBTREE")
                .json().get("suspended");
        assertThat(none.get("members").asInt()).isZero();
        assertThat(app.http.get("/api/committees/" + P + "TU/report?from=2026-05-01&to=2026-05-31&scope=SUBTREE&lang=vi")
                .body()).contains("Đình chỉ sinh hoạt 1 đảng viên.");
        assertThat(app.http.get("/api/committees/" + P + "TU/report?from=2025-01-01&to=2025-12-31&scope=SUBTREE&lang=vi")
                .body()).doesNotContain("Đình chỉ sinh hoạt");
    }

    @Test
    @DisplayName("outside the jurisdiction, and for the suspended member themself, a suspension does not exist (404)")
    void jurisdiction() {
        Http commune = app.user("sp-commune", P + "DU-XA", null, "STAFF", "AUDITOR");
        assertThat(commune.get("/api/suspensions/" + active).status()).isEqualTo(404);
        assertThat(commune.post("/api/suspensions/" + active + "/lift", """
                {"liftedOn": "%s", "reason": "x"}""".formatted(TODAY)).status()).isEqualTo(404);
        assertThat(ids(commune.get("/api/suspensions").json())).doesNotContain(active, ended);
        Http themself = app.user("sp-m1", P + "TU", "SP-M-1", "STAFF", "AUDITOR");
        assertThat(themself.get("/api/suspensions/" + active).status()).isEqualTo(404);
        assertThat(ids(themself.get("/api/suspensions?committeeId=" + P + "TU").json())).doesNotContain(active)
                .contains(ended);
        assertThat(themself.post("/api/suspensions", body(member("SP-M-1", "Hoàng Văn Tạm"), "PARTY_ACTIVITY",
                TODAY, 30, null)).status()).isEqualTo(403);
        Http viewer = app.user("sp-viewer", P + "TU", null, "VIEWER");
        assertThat(viewer.get("/api/suspensions").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("every role can read the rulebook's versions and see which entries are unverified")
    void rulebookVersions() {
        Http viewer = app.user("sp-rulebook", P + "TU", null, "VIEWER");
        JsonNode versions = viewer.get("/api/rulebook/versions").json();
        assertThat(ids(versions)).containsExactly("2021.1", "2025.1", "2026.1", "2026.2");
        JsonNode v2026 = versions.get(2);
        assertThat(v2026.get("effectiveFrom").asString()).isEqualTo("2026-04-11");
        assertThat(v2026.get("effectiveUntil").asString()).isEqualTo("2026-08-16");
        assertThat(v2026.get("unverified").size()).isGreaterThan(10);
        assertThat(v2026.get("entries").valueStream().filter(e -> "R-COMPETENCE".equals(e.get("id").asString())).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.get("certainty").asString()).isEqualTo("U");
                    assertThat(e.get("source").asString()).contains("QĐ 21-QĐ/TW");
                });
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asString()));
        return types;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(entry -> ids.add(entry.get("id").asString()));
        return ids;
    }
}
