package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every situation a case can be in, and every step: a step the case page offers is accepted by the command side,
 * and a step it does not offer is refused by it. The page decides from the read model alone; the command
 * side from the aggregate: this test is what keeps the two in step.
 */
@DisplayName("The case page offers exactly the steps the command side accepts")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferedStepsIT {

    private static final String P = "OS-";
    private static final String COMMISSION = P + "UBKT-TU";
    private static final String NEXT = "2026-03-15";

    private RunningApp app;
    private CaseworkScenario scenario;
    private final AtomicInteger serial = new AtomicInteger();

    /** A valid body for each step, dated after every step of every situation below. */
    private static final Map<String, String> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("open", CaseworkScenario.openBody(NEXT, "QĐ 99-QĐ/UBKTTU"));
        BODIES.put("explanations", """
                {"submittedOn": "%s", "summary": "Giải trình bổ sung"}""".formatted(NEXT));
        BODIES.put("findings", """
                {"recordedOn": "%s", "summary": "Xác minh bổ sung", "evidence": [{"ref": "Biên bản 9"}]}""".formatted(NEXT));
        BODIES.put("conclude", """
                {"concludedOn": "%s", "conclusionRef": "TB 99-TB/UBKTTU", "outcome": "SHORTCOMING", "violationCategories": [],
                 "disciplineWarranted": false, "summary": "Có khuyết điểm"}""".formatted(NEXT));
        BODIES.put("hearing", """
                {"heardOn": "%s", "statement": "Tôi xin tiếp thu"}""".formatted(NEXT));
        BODIES.put("discipline-proposals", """
                {"proposedOn": "%s", "form": "WARNING", "proposingCommitteeId": "%s", "toCommitteeId": "%sBTV-TU",
                 "reasons": "Vi phạm nghiêm trọng"}""".formatted(NEXT, COMMISSION, P));
        BODIES.put("discipline-decisions", """
                {"decidedOn": "%s", "decidingCommitteeId": "%s", "decisionRef": "QĐ 98-QĐ/UBKTTU", "eligibleVoters": 11,
                 "ballot": {"REPRIMAND": 9, "NONE": 2}, "announcedOn": "%s", "effectiveOn": "%s"}"""
                .formatted(NEXT, COMMISSION, NEXT, NEXT));
        BODIES.put("postponements", """
                {"postponedOn": "%s", "reason": "INPATIENT_TREATMENT"}""".formatted(NEXT));
        BODIES.put("appeals", """
                {"filedOn": "%s", "decisionReceivedOn": "2026-02-22", "grounds": "Hình thức chưa phù hợp"}""".formatted(NEXT));
        BODIES.put("appeal-resolutions", """
                {"resolvedOn": "%s", "resolvingCommitteeId": "%sUBKT-TW", "decisionRef": "QĐ 97-QĐ/UBKTTW", "result": "UPHELD"}"""
                .formatted(NEXT, P));
        BODIES.put("transfer", """
                {"transferredOn": "%s", "toCommitteeId": "%sUBKT-TW", "reason": "Cấp trên trực tiếp giải quyết"}"""
                .formatted(NEXT, P));
        BODIES.put("withdraw", """
                {"withdrawnOn": "%s", "reason": "Không còn căn cứ"}""".formatted(NEXT));
        BODIES.put("close", """
                {"closedOn": "%s"}""".formatted(NEXT));
    }

    /** How to bring a fresh case into each situation, by the steps it takes after being planned. */
    private final Map<String, Function<String, String>> situations = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        app = RunningApp.start();
        scenario = new CaseworkScenario(app);
        scenario.province(P);
        situations.put("PLANNED", id -> id);
        situations.put("OPEN", this::opened);
        situations.put("CONCLUDED, discipline warranted, subject heard", id -> concluded(opened(id), true));
        situations.put("CONCLUDED, discipline not warranted", id -> concluded(opened(id), false));
        situations.put("DISCIPLINE_PROPOSED", id -> take(concluded(opened(id), true), "discipline-proposals", """
                {"proposedOn": "2026-02-10", "form": "WARNING", "proposingCommitteeId": "%s", "toCommitteeId": "%sBTV-TU",
                 "reasons": "Vi phạm nghiêm trọng"}""".formatted(COMMISSION, P)));
        situations.put("DECIDED, imposed", id -> decided(concluded(opened(id), true), "{\"REPRIMAND\": 9, \"NONE\": 2}"));
        situations.put("DECIDED, not imposed", id -> decided(concluded(opened(id), true), "{\"REPRIMAND\": 2, \"NONE\": 9}"));
        situations.put("APPEALED", id -> take(decided(concluded(opened(id), true), "{\"REPRIMAND\": 9, \"NONE\": 2}"),
                "appeals", """
                {"filedOn": "2026-02-25", "decisionReceivedOn": "2026-02-22", "grounds": "Hình thức chưa phù hợp"}"""));
        situations.put("CLOSED", id -> take(concluded(opened(id), false), "close", """
                {"closedOn": "2026-02-10"}"""));
        situations.put("WITHDRAWN", id -> take(id, "withdraw", """
                {"withdrawnOn": "2026-01-08", "reason": "Không còn căn cứ"}"""));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String plan() {
        int n = serial.incrementAndGet();
        return scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", COMMISSION,
                CaseworkScenario.ordinaryMember("OS-" + n, "Đảng viên số " + n, "OFFICIAL", P + "CB-THON"),
                "Kiểm tra khi có dấu hiệu vi phạm", "KH " + n + "-KH/UBKTTU", "2026-01-05", "2026-01-06", "2026-06-30");
    }

    private String take(String id, String step, String body) {
        Http.Response response = app.http.post("/api/cases/" + id + "/" + step, body);
        assertThat(response.status()).as("bringing the case to its situation: " + step + " " + response).isEqualTo(200);
        return id;
    }

    private String opened(String id) {
        return take(id, "open", CaseworkScenario.openBody("2026-01-10", "QĐ 1-QĐ/UBKTTU"));
    }

    /** Concluded; when discipline is warranted, the subject has also been heard (R-HEARD comes before a decision). */
    private String concluded(String id, boolean warranted) {
        take(id, "conclude", warranted ? """
                {"concludedOn": "2026-02-01", "conclusionRef": "TB 1-TB/UBKTTU", "outcome": "VIOLATION",
                 "violationCategories": ["FORBIDDEN_CONDUCT"], "violationFrom": "2025-01-01", "violationTo": "2025-06-30",
                 "disciplineWarranted": true, "summary": "Vi phạm đến mức phải kỷ luật"}""" : """
                {"concludedOn": "2026-02-01", "conclusionRef": "TB 1-TB/UBKTTU", "outcome": "SHORTCOMING",
                 "violationCategories": [], "disciplineWarranted": false, "summary": "Có khuyết điểm"}""");
        return warranted ? take(id, "hearing", """
                {"heardOn": "2026-02-05", "statement": "Tôi nhận khuyết điểm"}""") : id;
    }

    private String decided(String id, String ballot) {
        return take(id, "discipline-decisions", """
                {"decidedOn": "2026-02-20", "decidingCommitteeId": "%s", "decisionRef": "QĐ 2-QĐ/UBKTTU", "eligibleVoters": 11,
                 "ballot": %s, "announcedOn": "2026-02-21", "effectiveOn": "2026-02-21"}""".formatted(COMMISSION, ballot));
    }

    /** The steps the case page offers, as its forms name them (read as a STAFF user, who sees every form). */
    private List<String> offered(String id) {
        Http.Response page = app.http.get("/ui/cases/" + id + "/part/actions?minVersion=0", "Accept", "text/html");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> steps = new ArrayList<>();
        for (String step : BODIES.keySet()) {
            if (page.body().contains("/api/cases/" + id + "/" + step + "\"")) {
                steps.add(step);
            }
        }
        return steps;
    }

    private String inSituation(String situation) {
        String id = situations.get(situation).apply(plan());
        long version = app.jdbc().sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = :id")
                .param("id", id).query(Long.class).single();
        assertThat(app.http.get("/api/cases/" + id + "?minVersion=" + version).status()).isEqualTo(200);
        return id;
    }

    @Test
    @DisplayName("in every situation, each offered step is accepted and each step not offered is refused")
    void offeredIsAccepted() {
        SoftAssertions softly = new SoftAssertions();
        for (String situation : situations.keySet()) {
            String probe = inSituation(situation);
            List<String> offered = offered(probe);
            for (String step : BODIES.keySet()) {
                String id = offered.contains(step) ? inSituation(situation) : probe;
                Http.Response answer = app.http.post("/api/cases/" + id + "/" + step, BODIES.get(step));
                String as = situation + " → " + step + (offered.contains(step) ? " (offered)" : " (not offered)") + ": " + answer;
                if (offered.contains(step)) {
                    softly.assertThat(answer.status()).as(as).isEqualTo(200);
                } else {
                    // refused: by the status table (409) or by the rule that discipline is decided once (422)
                    softly.assertThat(answer.status()).as(as).isIn(409, 422);
                }
            }
        }
        softly.assertAll();
    }
}
