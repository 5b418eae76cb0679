package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.ubkt.casework.standalone.CaseDriver.Discipline;

/**
 * The case read model through the public API: lists with every filter, paging and sort; one case with its
 * discipline in force, deadlines, minVersion and asOf; the audit trail as JSON and CSV; a member's discipline;
 * deadlines. Eight cases of Tỉnh ủy Tuyên Quang, planned between November 2025 and the last weeks.
 */
@DisplayName("Cases as read: lists, one case, its history, a member's discipline and deadlines")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseReadModelIT {

    private static final String DENOUNCER_NAME = "Lương Thị Hòa";
    private static final String DENOUNCER_ADDRESS = "Số 7, thôn Cầu Trắng, xã Sơn Dương";
    private static final String DENOUNCER_PHONE = "0987 654 321";

    /** The commune party secretary: a member of the cell, on the commune committee, a cadre of the province. */
    private static final String THINH = CaseDriver.cadre("57030112", "Vũ Đức Thịnh", "CB-THON", List.of("DU-XA"),
            "BTV-TU", "Bí thư Đảng ủy xã Sơn Dương");

    private RunningApp app;
    private Http http;
    private CaseworkScenario scenario;
    private CaseDriver driver;

    /** The cases by letter, see {@link #buildCases()}. */
    private final Map<String, String> ids = new java.util.LinkedHashMap<>();

    @BeforeAll
    void start() {
        app = RunningApp.start();
        http = app.http;
        scenario = new CaseworkScenario(app);
        driver = new CaseDriver(scenario);
        scenario.province("");
        scenario.committee("DU-HT", "Đảng ủy xã Hợp Thành", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "TU", 13);
        scenario.committee("CB-HT", "Chi bộ thôn Cả", "CELL", "CELL", "DU-HT", 17);
        buildCases();
        driver.awaitProjections();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /**
     * A: WARNING by UBKT-TU, planned 2026-01-12, its appeal window long past. B: REPRIMAND of Vũ Đức Thịnh by his
     * cell, planned 2026-02-02. C: DISMISSAL of Thịnh by BTV-TU, planned 2026-03-09, appealed, reduced to WARNING.
     * D: a supervision by DU-XA, open, planned 2026-05-04. E: a denunciation accepted from a named denouncer's
     * letter, open, planned 2026-06-08. F: a thematic supervision of the cell (an organization), planned
     * 2025-11-10. G: an inspection in the other commune, planned 2026-07-01. H: WARNING by UBKT-TU ten days ago,
     * its appeal window still open.
     */
    private void buildCases() {
        ids.put("A", driver.discipline(new Discipline("INSPECTION_SIGNS_OF_VIOLATION", "UBKT-TU",
                CaseDriver.member("57030201", "Nguyễn Văn Hùng", "CB-THON"),
                "Kiểm tra khi có dấu hiệu vi phạm trong việc quản lý quỹ thôn", LocalDate.parse("2026-01-19"), "UBKT-TU",
                11, "WARNING", LocalDate.parse("2026-03-02"), List.of("FINANCE_AND_ASSETS"))));
        ids.put("B", driver.discipline(new Discipline("INSPECTION_TASK_PERFORMANCE", "CB-THON", THINH,
                "Kiểm tra việc thực hiện nhiệm vụ của đồng chí Bí thư", LocalDate.parse("2026-02-09"), "CB-THON", 23,
                "REPRIMAND", LocalDate.parse("2026-04-01"), List.of("LAX_LEADERSHIP"))));

        String c = scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", "UBKT-TU", THINH,
                "Kiểm tra khi có dấu hiệu vi phạm trong việc giao đất công", "KH 21-KH/UBKTTU", "2026-03-09",
                "2026-03-16", "2026-07-31");
        ids.put("C", c);
        scenario.step(c, "open", CaseworkScenario.openBody("2026-03-16", "QĐ 52-QĐ/UBKTTU"), "OPEN", 1);
        scenario.step(c, "conclude", """
                {"concludedOn": "2026-07-15", "conclusionRef": "Thông báo kết luận số 30-TB/UBKTTU", "outcome": "VIOLATION",
                 "violationCategories": ["LAND_AND_RESOURCES", "LAX_LEADERSHIP"],
                 "violationFrom": "2024-01-01", "violationTo": "2025-12-31", "disciplineWarranted": true,
                 "summary": "Vi phạm quy định về quản lý đất công"}""", "CONCLUDED", 2);
        scenario.step(c, "hearing", """
                {"heardOn": "2026-07-22", "statement": "Tôi nhận khuyết điểm", "proposedForm": "WARNING"}""", "CONCLUDED", 3);
        scenario.step(c, "discipline-decisions", """
                {"decidedOn": "2026-08-05", "decidingCommitteeId": "BTV-TU", "decisionRef": "QĐ 102-QĐ/TU", "eligibleVoters": 15,
                 "ballot": {"DISMISSAL": 9, "WARNING": 4, "NONE": 2}, "announcedOn": "2026-08-07", "effectiveOn": "2026-08-05"}""",
                "DECIDED", 4);
        scenario.step(c, "appeals", """
                {"filedOn": "2026-09-01", "decisionReceivedOn": "2026-08-08", "grounds": "Hình thức cách chức là quá nặng"}""",
                "APPEALED", 5);
        scenario.step(c, "appeal-resolutions", """
                {"resolvedOn": "2026-10-20", "resolvingCommitteeId": "UBKT-TW", "decisionRef": "QĐ 215-QĐ/UBKTTW",
                 "result": "FORM_REDUCED", "newForm": "WARNING"}""", "DECIDED", 6);

        String d = scenario.plan("SUPERVISION_REGULAR", "DU-XA", CaseDriver.member("57030202", "Nguyễn Thị Lan", "CB-THON"),
                "Giám sát thường xuyên việc rèn luyện, tu dưỡng", "KH 05-KH/ĐUX", "2026-05-04", "2026-05-11", "2026-08-31");
        ids.put("D", d);
        scenario.step(d, "open", CaseworkScenario.openBody("2026-05-11", "QĐ 12-QĐ/ĐUX"), "OPEN", 1);

        Http.Response received = http.post("/api/complaints", """
                {"committeeId": "UBKT-TU", "receivedOn": "2026-06-01", "anonymous": false,
                 "denouncer": {"name": "%s", "address": "%s", "phone": "%s"},
                 "accused": %s, "content": "Tố cáo đồng chí Đặng Văn Lâm chiếm dụng tiền hỗ trợ hộ nghèo"}"""
                .formatted(DENOUNCER_NAME, DENOUNCER_ADDRESS, DENOUNCER_PHONE,
                        CaseDriver.member("57030203", "Đặng Văn Lâm", "CB-THON")));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        Http.Response accepted = http.post("/api/complaints/" + received.json().get("id").asString() + "/accept", """
                {"acceptedOn": "2026-06-08", "planRef": "KH 31-KH/UBKTTU", "plannedFrom": "2026-06-15", "plannedTo": "2026-09-15"}""");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        String e = accepted.json().get("caseId").asString();
        ids.put("E", e);
        scenario.step(e, "open", CaseworkScenario.openBody("2026-06-15", "QĐ 61-QĐ/UBKTTU"), "OPEN", 1);
        scenario.step(e, "explanations", """
                {"submittedOn": "2026-06-25", "summary": "Đồng chí Lâm giải trình việc chi hỗ trợ"}""", "OPEN", 2);

        ids.put("F", scenario.plan("SUPERVISION_THEMATIC", "DU-XA", CaseDriver.organization("CB-THON"),
                "Giám sát chuyên đề việc thực hiện nghị quyết của chi bộ", "KH 40-KH/ĐUX", "2025-11-10", "2025-11-17",
                "2025-12-31"));
        ids.put("G", scenario.plan("INSPECTION_TASK_PERFORMANCE", "DU-HT",
                CaseDriver.member("57030301", "Nguyễn Văn Tùng", "CB-HT"), "Kiểm tra việc thực hiện nhiệm vụ được giao",
                "KH 08-KH/ĐUHT", "2026-07-01", "2026-07-06", "2026-08-31"));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        ids.put("H", driver.discipline(new Discipline("INSPECTION_SIGNS_OF_VIOLATION", "UBKT-TU",
                CaseDriver.member("57030204", "Hà Thị Yến", "CB-THON"),
                "Kiểm tra khi có dấu hiệu vi phạm trong công tác cán bộ", today.minusDays(50), "UBKT-TU", 11, "WARNING",
                today.minusDays(10), List.of("PERSONNEL_WORK"))));
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private String id(String letter) {
        return ids.get(letter);
    }

    /** The letters of the cases a list answers, in its order. */
    private List<String> letters(JsonNode page) {
        List<String> letters = new ArrayList<>();
        page.get("items").forEach(item -> ids.forEach((letter, id) -> {
            if (id.equals(item.get("id").asString())) {
                letters.add(letter);
            }
        }));
        assertThat(letters).as("only known cases").hasSize(page.get("items").size());
        return letters;
    }

    private JsonNode list(String query) {
        Http.Response response = http.get("/api/cases?" + query);
        assertThat(response.status()).as(query + ": " + response).isEqualTo(200);
        return response.json();
    }

    private List<String> found(String query) {
        return letters(list(query + "&size=200"));
    }

    @Test
    @DisplayName("committeeId with scope OWN or SUBTREE, status, type and subjectType filter the list")
    void filters() {
        assertThat(found("sort=plannedOn,asc")).containsExactly("F", "A", "B", "C", "D", "E", "G", "H");
        assertThat(found("committeeId=DU-XA&scope=SUBTREE")).containsExactlyInAnyOrder("B", "D", "F");
        assertThat(found("committeeId=DU-XA&scope=OWN")).containsExactlyInAnyOrder("D", "F");
        assertThat(found("committeeId=UBKT-TU&scope=OWN")).containsExactlyInAnyOrder("A", "C", "E", "H");
        assertThat(found("committeeId=DU-HT&scope=SUBTREE")).containsExactly("G");
        assertThat(found("committeeId=TU&scope=SUBTREE")).hasSize(8);
        assertThat(found("status=DECIDED")).containsExactlyInAnyOrder("A", "B", "C", "H");
        assertThat(found("status=OPEN")).containsExactlyInAnyOrder("D", "E");
        assertThat(found("status=PLANNED")).containsExactlyInAnyOrder("F", "G");
        assertThat(found("type=DENUNCIATION")).containsExactly("E");
        assertThat(found("type=INSPECTION_SIGNS_OF_VIOLATION")).containsExactlyInAnyOrder("A", "C", "H");
        assertThat(found("subjectType=ORGANIZATION")).containsExactly("F");
        assertThat(found("subjectType=MEMBER")).hasSize(7).doesNotContain("F");
        assertThat(found("committeeId=TU&scope=SUBTREE&status=DECIDED&type=INSPECTION_SIGNS_OF_VIOLATION"))
                .containsExactlyInAnyOrder("A", "C", "H");
        assertThat(found("committeeId=DU-XA&scope=SUBTREE&subjectType=MEMBER")).containsExactlyInAnyOrder("B", "D");
    }

    @Test
    @DisplayName("scope and perspective are words of a fixed vocabulary: any other value is a 400 naming it, on the API and on pages")
    void scopeAndPerspectiveVocabulary() {
        for (String path : List.of("/api/cases?committeeId=UBKT-TU&scope=ALL",
                "/api/committees/UBKT-TU/statistics?from=2026-01-01&to=2026-12-31&scope=EVERYTHING",
                "/api/committees/UBKT-TU/statistics?from=2026-01-01&to=2026-12-31&perspective=WHOEVER",
                "/api/committees/UBKT-TU/report?from=2026-01-01&to=2026-12-31&perspective=WHOEVER",
                "/ui/committees/UBKT-TU?scope=EVERYTHING")) {
            Http.Response refused = http.get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.body()).as(path).containsAnyOf("scope", "perspective");
        }
        assertThat(http.get("/api/committees/UBKT-TU/statistics?from=2026-01-01&to=2026-12-31&scope=OWN&perspective=SUBJECT")
                .json().get("perspective").asString()).isEqualTo("SUBJECT");
    }

    @Test
    @DisplayName("q finds its words from their beginnings, next to each other, in names and content, ignoring Vietnamese"
            + " diacritics and case")
    void search() {
        assertThat(found("q=nguyen%20va")).as("the last word only begun").containsExactlyInAnyOrder("A", "G");
        assertThat(found("q=van%20hung")).containsExactly("A");
        assertThat(found("q=nguyen%20lan")).as("Nguyễn Thị Lan: both words, not next to each other").isEmpty();
        assertThat(found("q=guyen")).as("a search starts at a word's beginning").isEmpty();
        assertThat(found("q=" + URLEncoder.encode("-- ''", StandardCharsets.UTF_8))).as("no word, no match").isEmpty();
        assertThat(found("q=nguyen%20van")).containsExactlyInAnyOrder("A", "G");
        assertThat(found("q=NGUY%E1%BB%84N%20V%C4%82N")).as("NGUYỄN VĂN").containsExactlyInAnyOrder("A", "G");
        assertThat(found("q=DANG")).containsExactly("E");
        assertThat(found("q=thinh")).containsExactlyInAnyOrder("B", "C");
        assertThat(found("q=giao%20dat%20cong")).containsExactly("C");
        assertThat(found("q=cau%20trang&subjectType=ORGANIZATION")).as("the organization's name").containsExactly("F");
        assertThat(found("q=khong-co-ai")).isEmpty();
        JsonNode item = list("q=chi%20bo&subjectType=ORGANIZATION").get("items").get(0);
        assertThat(item.get("subjectName").asString()).isEqualTo("Chi bộ thôn Cầu Trắng");
        assertThat(item.get("subjectType").asString()).isEqualTo("ORGANIZATION");
    }

    @Test
    @DisplayName("from/to bound the planned date; page, size and total page through the list in the order asked")
    void periodPagingAndSort() {
        assertThat(found("from=2026-01-01&to=2026-03-31")).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(found("from=2026-03-09&to=2026-03-09")).containsExactly("C");
        assertThat(found("to=2025-12-31")).containsExactly("F");

        JsonNode first = list("size=3&page=0&sort=plannedOn,asc");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("total").asLong()).isEqualTo(8);
        assertThat(letters(first)).containsExactly("F", "A", "B");
        assertThat(letters(list("size=3&page=1&sort=plannedOn,asc"))).containsExactly("C", "D", "E");
        JsonNode last = list("size=3&page=2&sort=plannedOn,asc");
        assertThat(letters(last)).containsExactly("G", "H");
        assertThat(last.get("total").asLong()).isEqualTo(8);
        assertThat(letters(list("size=3&page=3&sort=plannedOn,asc"))).isEmpty();
        assertThat(letters(list("size=3&page=0&sort=plannedOn,desc"))).containsExactly("H", "G", "E");
        assertThat(letters(list("size=200"))).as("newest planned first by default")
                .containsExactly("H", "G", "E", "D", "C", "B", "A", "F");
        JsonNode filteredPage = list("status=DECIDED&size=2&page=1&sort=plannedOn,asc");
        assertThat(filteredPage.get("total").asLong()).isEqualTo(4);
        assertThat(letters(filteredPage)).containsExactly("C", "H");

        for (String bad : List.of("sort=salary", "sort=plannedOn,sideways", "size=0", "page=-1", "scope=ALL")) {
            Http.Response refused = http.get("/api/cases?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(bad).startsWith("application/problem+json");
            assertThat(refused.json().get("status").asInt()).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).isNotBlank();
        }
    }

    @Test
    @DisplayName("a case shows its discipline in force and its open deadlines; the list line shows the form in force")
    void oneCase() {
        JsonNode a = http.get("/api/cases/" + id("A") + "?minVersion=4").json();
        assertThat(a.get("status").asString()).isEqualTo("DECIDED");
        assertThat(a.get("version").asLong()).isEqualTo(4);
        assertThat(a.get("disciplineInForce").get("form").asString()).isEqualTo("WARNING");
        assertThat(a.get("disciplineInForce").get("decidingCommitteeId").asString()).isEqualTo("UBKT-TU");
        assertThat(a.get("subject").get("fullName").asString()).isEqualTo("Nguyễn Văn Hùng");
        assertThat(a.get("conclusion").get("outcome").asString()).isEqualTo("VIOLATION");
        assertThat(a.get("deadlines")).hasSize(1);
        JsonNode window = a.get("deadlines").get(0);
        assertThat(window.get("kind").asString()).isEqualTo("APPEAL_WINDOW");
        assertThat(window.get("dueOn").asString()).isEqualTo("2026-04-04");
        assertThat(window.get("open").asBoolean()).isTrue();

        JsonNode c = http.get("/api/cases/" + id("C")).json();
        assertThat(c.get("status").asString()).isEqualTo("DECIDED");
        assertThat(c.get("version").asLong()).isEqualTo(6);
        assertThat(c.get("decisions").get(0).get("form").asString()).isEqualTo("DISMISSAL");
        assertThat(c.get("disciplineInForce").get("form").asString()).isEqualTo("WARNING");
        assertThat(c.get("disciplineInForce").get("decidingCommitteeId").asString()).isEqualTo("BTV-TU");
        assertThat(c.get("disciplineInForce").get("changedByAppealOn").asString()).isEqualTo("2026-10-20");
        assertThat(c.get("appeals").get(0).get("resolution").get("result").asString()).isEqualTo("FORM_REDUCED");
        assertThat(c.get("deadlines")).extracting(d -> d.get("kind").asString())
                .containsExactly("APPEAL_WINDOW", "APPEAL_RESOLUTION");
        assertThat(c.get("deadlines")).allSatisfy(d -> assertThat(d.get("open").asBoolean()).isFalse());
        assertThat(c.get("deadlines").get(0).get("metOn").asString()).isEqualTo("2026-09-01");

        JsonNode line = list("q=giao%20dat%20cong").get("items").get(0);
        assertThat(line.get("disciplineInForce").asString()).isEqualTo("WARNING");
        assertThat(line.get("status").asString()).isEqualTo("DECIDED");
        assertThat(line.get("committeeId").asString()).isEqualTo("UBKT-TU");
        assertThat(line.get("committeeName").asString()).isEqualTo("Ủy ban Kiểm tra Tỉnh ủy Tuyên Quang");
        assertThat(line.get("plannedOn").asString()).isEqualTo("2026-03-09");
        assertThat(line.get("version").asLong()).isEqualTo(6);
    }

    @Test
    @DisplayName("minVersion beyond any version the event store holds for the case is 404 at once; an unknown case is 404")
    void minVersionAndUnknown() {
        // a version the record never held cannot arrive by waiting (issue 14): 404, not a 503 inviting a retry
        Http.Response never = http.get("/api/cases/" + id("A") + "?minVersion=50");
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.header("Content-Type")).startsWith("application/problem+json");

        for (String path : List.of("/api/cases/no-such-case", "/api/cases/no-such-case/history",
                "/api/cases/no-such-case?asOf=2026-01-01T00:00:00Z")) {
            Http.Response unknown = http.get(path);
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    @DisplayName("asOf rebuilds the case as it stood: APPEALED with the DISMISSAL in force between the appeal and its resolution, then DECIDED with WARNING")
    void asOf() {
        JsonNode history = http.get("/api/cases/" + id("C") + "/history").json();
        assertThat(history).extracting(e -> e.get("type").asString()).containsExactly("CasePlanned", "CaseOpened",
                "CaseConcluded", "SubjectHeard", "DisciplineDecided", "AppealFiled", "AppealResolved");
        Instant filed = Instant.parse(history.get(5).get("recordedAt").asString());
        Instant resolved = Instant.parse(history.get(6).get("recordedAt").asString());
        assertThat(resolved).isAfter(filed);
        Instant between = filed.plus(Duration.between(filed, resolved).dividedBy(2));

        JsonNode appealed = http.get("/api/cases/" + id("C") + "?asOf=" + between).json();
        assertThat(appealed.get("status").asString()).isEqualTo("APPEALED");
        assertThat(appealed.get("version").asLong()).isEqualTo(5);
        assertThat(appealed.get("disciplineInForce").get("form").asString()).isEqualTo("DISMISSAL");
        assertThat(absent(appealed.get("appeals").get(0).path("resolution"))).isTrue();

        JsonNode atResolution = http.get("/api/cases/" + id("C") + "?asOf=" + resolved).json();
        assertThat(atResolution.get("status").asString()).isEqualTo("DECIDED");
        assertThat(atResolution.get("disciplineInForce").get("form").asString()).isEqualTo("WARNING");
        assertThat(atResolution).as("the live case is the case as of its last event")
                .isEqualTo(http.get("/api/cases/" + id("C")).json());

        Instant planned = Instant.parse(history.get(0).get("recordedAt").asString());
        JsonNode atPlan = http.get("/api/cases/" + id("C") + "?asOf=" + planned).json();
        assertThat(atPlan.get("status").asString()).isEqualTo("PLANNED");
        assertThat(absent(atPlan.path("disciplineInForce"))).isTrue();
        assertThat(http.get("/api/cases/" + id("C") + "?asOf=" + planned.minusSeconds(1)).status())
                .as("before the case existed").isEqualTo(404);
    }

    @Test
    @DisplayName("history: oldest first with sequence, type, dates, actor, summary and data; the same as CSV")
    void history() {
        JsonNode history = http.get("/api/cases/" + id("C") + "/history").json();
        assertThat(history).hasSize(7);
        Instant previous = Instant.EPOCH;
        for (int i = 0; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            assertThat(entry.get("sequence").asLong()).isEqualTo(i);
            Instant recordedAt = Instant.parse(entry.get("recordedAt").asString());
            assertThat(recordedAt).isAfterOrEqualTo(previous);
            previous = recordedAt;
            assertThat(entry.get("actor").asString()).isNotBlank();
            assertThat(entry.get("summary").asString()).isNotBlank();
            assertThat(entry.get("data").isObject()).isTrue();
        }
        assertThat(history).extracting(e -> e.get("occurredOn").asString()).containsExactly("2026-03-09", "2026-03-16",
                "2026-07-15", "2026-07-22", "2026-08-05", "2026-09-01", "2026-10-20");
        assertThat(history.get(4).get("data").get("form").asString()).isEqualTo("DISMISSAL");
        // a sentence in words: the committee by name, the form as people say it, no code
        assertThat(history.get(4).get("summary").asString()).contains("Ban Thường vụ").contains("cách chức")
                .doesNotContain("BTV-TU").doesNotContain("DISMISSAL");
        assertThat(history).allSatisfy(entry -> assertThat(entry.get("summary").asString())
                .as("a summary without codes").doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b|\\b(WARNING|REPRIMAND|DISMISSAL|EXPULSION|VIOLATION|UPHELD)\\b"));
        assertThat(history.get(6).get("data").get("newForm").asString()).isEqualTo("WARNING");

        Http.Response csv = http.get("/api/cases/" + id("C") + "/history", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).startsWith("sequence,type,occurredOn,recordedAt,actor");
        for (int i = 0; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            assertThat(lines[i + 1]).startsWith(i + "," + entry.get("type").asString() + ","
                    + entry.get("occurredOn").asString() + "," + entry.get("recordedAt").asString() + ",");
        }
    }

    @Test
    @DisplayName("the history of a denunciation never shows the denouncer, as JSON or as CSV")
    void denouncerStaysConfidential() {
        Http.Response json = http.get("/api/cases/" + id("E") + "/history");
        Http.Response csv = http.get("/api/cases/" + id("E") + "/history", "Accept", "text/csv");
        Http.Response document = http.get("/api/cases/" + id("E"));
        for (Http.Response response : List.of(json, csv, document)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("Đặng Văn Lâm")
                    .doesNotContain(DENOUNCER_NAME).doesNotContain(DENOUNCER_ADDRESS).doesNotContain(DENOUNCER_PHONE)
                    .doesNotContain("0987654321");
        }
        assertThat(json.json()).extracting(e -> e.get("type").asString())
                .containsExactly("CasePlanned", "CaseOpened", "ExplanationRecorded");
        assertThat(json.json().get(0).get("data").get("origin").get("kind").asString()).isEqualTo("COMPLAINT");
        assertThat(csv.body().split("\r\n")).hasSize(4);
    }

    @Test
    @DisplayName("a member's discipline lists each decision with its state: IN_FORCE, or CHANGED_ON_APPEAL")
    void memberDiscipline() {
        JsonNode thinh = http.get("/api/members/57030112/discipline").json();
        assertThat(thinh).hasSize(2);
        assertThat(thinh.get(0).get("caseId").asString()).isEqualTo(id("B"));
        assertThat(thinh.get(0).get("form").asString()).isEqualTo("REPRIMAND");
        assertThat(thinh.get(0).get("decidingCommitteeId").asString()).isEqualTo("CB-THON");
        assertThat(thinh.get(0).get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(thinh.get(1).get("caseId").asString()).isEqualTo(id("C"));
        assertThat(thinh.get(1).get("form").asString()).isEqualTo("DISMISSAL");
        assertThat(thinh.get(1).get("decidedOn").asString()).isEqualTo("2026-08-05");
        assertThat(thinh.get(1).get("currentForm").asString()).isEqualTo("WARNING");
        assertThat(thinh.get(1).get("state").asString()).isEqualTo("CHANGED_ON_APPEAL");

        JsonNode hung = http.get("/api/members/57030201/discipline").json();
        assertThat(hung).hasSize(1);
        assertThat(hung.get(0).get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(http.get("/api/members/57030202/discipline").json()).as("supervised, never disciplined").isEmpty();
    }

    @Test
    @DisplayName("deadlines: overdue=true lists the overdue appeal windows in the committee's subtree, not met or future ones")
    void deadlines() {
        JsonNode overdue = http.get("/api/deadlines?committeeId=TU&overdue=true").json();
        List<String> rows = new ArrayList<>();
        overdue.forEach(row -> {
            assertThat(row.get("overdue").asBoolean()).as(row.toString()).isTrue();
            ids.forEach((letter, id) -> {
                if (id.equals(row.get("caseId").asString())) {
                    rows.add(letter + ":" + row.get("kind").asString());
                }
            });
        });
        assertThat(rows).containsExactlyInAnyOrder("A:APPEAL_WINDOW", "B:APPEAL_WINDOW", "E:DENUNCIATION_RESOLUTION");
        JsonNode windowOfA = java.util.stream.StreamSupport.stream(overdue.spliterator(), false)
                .filter(row -> row.get("caseId").asString().equals(id("A"))).findFirst().orElseThrow();
        assertThat(windowOfA.get("dueOn").asString()).isEqualTo("2026-04-04");
        assertThat(windowOfA.get("committeeId").asString()).isEqualTo("UBKT-TU");
        assertThat(windowOfA.get("rule").asString()).isEqualTo("R-APPEAL");

        JsonNode commune = http.get("/api/deadlines?committeeId=DU-XA&overdue=true").json();
        assertThat(commune).hasSize(1);
        assertThat(commune.get(0).get("caseId").asString()).isEqualTo(id("B"));
        assertThat(commune.get(0).get("kind").asString()).isEqualTo("APPEAL_WINDOW");

        JsonNode open = http.get("/api/deadlines?committeeId=TU").json();
        assertThat(open).hasSize(4);
        JsonNode windowOfH = java.util.stream.StreamSupport.stream(open.spliterator(), false)
                .filter(row -> row.get("caseId").asString().equals(id("H"))).findFirst().orElseThrow();
        assertThat(windowOfH.get("kind").asString()).isEqualTo("APPEAL_WINDOW");
        assertThat(windowOfH.get("overdue").asBoolean()).isFalse();
    }
}
