package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ubkt.casework.standalone.RevealSteps.approved;
import static vn.ubkt.casework.standalone.RevealSteps.asked;
import static vn.ubkt.casework.standalone.RevealSteps.identity;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * API.md "The denouncer's identity": "never in an event, a log line, an error, a statistic, an export or a history".
 * A letter's sender goes through intake, acceptance, a reveal and malformed requests; then the event store, every
 * column of every table, every answer of the API and the whole log (at INFO, with the web, JDBC and the product's own
 * loggers at DEBUG or TRACE) are searched for the name, address and phone, as typed and folded (lower case, without
 * diacritics), whole and in parts.
 */
@DisplayName("A denouncer's name, address and phone are found nowhere but in the vault, sealed")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DenouncerConfidentialityIT {

    private static final String NAME = "Lương Thị Kiều Trinh";
    private static final String ADDRESS = "Số 77 ngõ Hòe Nhai, phường Quán Thánh, thành phố Hà Nội";
    private static final String PHONE = "0983 214 765";
    /** Each as typed and folded, and parts of each, so that a copy cut short or normalized is found too. */
    private static final Set<String> SECRETS = secrets(NAME, ADDRESS, PHONE, "Kiều Trinh", "Hòe Nhai", "Quán Thánh",
            "214 765", "0983214765");

    private RunningApp app;
    private Http tester;
    private String complaint;
    private String caseId;
    private final Map<String, String> answers = new LinkedHashMap<>();
    /** The log of the journey and of the reads, before the tests' own searches (whose SQL the JDBC log would show). */
    private String log;

    @BeforeAll
    void letterThroughTheProduct(CapturedOutput output) {
        app = RunningApp.start("logging.level.root=INFO", "logging.level.vn.ubkt=DEBUG",
                "logging.level.org.springframework.web=DEBUG", "logging.level.org.springframework.jdbc.core=TRACE");
        tester = app.http;
        new CaseworkScenario(app).province("");
        RevealSteps steps = new RevealSteps(app);
        steps.awaitNode("CB-THON");
        Http custodian = app.user("giu-bi-mat", "UBKT-TU", null, "CUSTODIAN");

        complaint = steps.receive(RevealSteps.denouncer(NAME, ADDRESS, PHONE), "57077001", "Hoàng Văn Thắng");
        Http.Response accepted = tester.post("/api/complaints/" + complaint + "/accept", """
                {"acceptedOn": "2026-03-05", "planRef": "KH 15-KH/UBKTTU", "plannedFrom": "2026-03-10", "plannedTo": "2026-06-10"}""");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        caseId = accepted.json().get("caseId").asString();

        approved(custodian, complaint, asked(tester, complaint));
        Http.Response revealed = identity(tester, complaint);
        assertThat(revealed.status()).as("the one answer entitled to it").isEqualTo(200);
        assertThat(revealed.json().get("name").asString()).isEqualTo(NAME);

        // refusals of a letter's body must not repeat what was sent
        refused("oversized name", """
                {"committeeId": "UBKT-TU", "receivedOn": "2026-03-02", "anonymous": false,
                 "denouncer": {"name": "%s%s", "address": "%s", "phone": "%s"},
                 "accused": %s, "content": "Tố cáo"}""".formatted(NAME, "x".repeat(300), ADDRESS, PHONE,
                CaseworkScenario.ordinaryMember("57077002", "Lý Văn Tài", "OFFICIAL", "CB-THON")));
        refused("denouncer as text", """
                {"committeeId": "UBKT-TU", "receivedOn": "2026-03-02", "anonymous": false, "denouncer": "%s, %s",
                 "accused": %s, "content": "Tố cáo"}""".formatted(NAME, PHONE,
                CaseworkScenario.ordinaryMember("57077003", "Lý Văn Tài", "OFFICIAL", "CB-THON")));
        refused("phone as an object", """
                {"committeeId": "UBKT-TU", "receivedOn": "2026-03-02", "anonymous": false,
                 "denouncer": {"name": "%s", "phone": {"mobile": "%s"}}, "accused": %s, "content": "Tố cáo"}"""
                .formatted(NAME, PHONE, CaseworkScenario.ordinaryMember("57077004", "Lý Văn Tài", "OFFICIAL", "CB-THON")));
        refused("malformed JSON", """
                {"committeeId": "UBKT-TU", "denouncer": {"name": %s}}""".formatted(NAME));
        refused("anonymous with a sender", """
                {"committeeId": "UBKT-TU", "receivedOn": "2026-03-02", "anonymous": true,
                 "denouncer": {"name": "%s", "address": "%s", "phone": "%s"},
                 "accused": %s, "content": "Tố cáo"}""".formatted(NAME, ADDRESS, PHONE,
                CaseworkScenario.ordinaryMember("57077005", "Lý Văn Tài", "OFFICIAL", "CB-THON")));

        readEverything();
        log = output.getAll();
    }

    /** Every read a user could make of the letter, its case and their figures, as JSON, CSV and pages. */
    private void readEverything() {
        CaseDriver.awaitCaughtUp(app, CaseDriver.head(app));
        for (String path : List.of("/api/complaints", "/api/complaints?committeeId=UBKT-TU",
                "/api/complaints/" + complaint, "/api/complaints/" + complaint + "/history",
                "/api/complaints/" + complaint + "/identity-requests", "/api/identity-requests",
                "/api/cases?size=50", "/api/cases/" + caseId, "/api/cases/" + caseId + "/history",
                "/api/audit/reads?complaintId=" + complaint, "/api/audit/reads",
                "/api/committees/UBKT-TU/statistics?from=2026-01-01&to=2026-12-31",
                "/api/committees/UBKT-TU/report?from=2026-01-01&to=2026-12-31",
                "/ui/complaints", "/ui/complaints/" + complaint, "/ui/cases/" + caseId)) {
            Http.Response response = tester.get(path);
            assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
            answers.put("GET " + path, response.body());
        }
        for (String path : List.of("/api/complaints/" + complaint + "/history", "/api/cases/" + caseId + "/history",
                "/api/audit/reads?complaintId=" + complaint)) {
            Http.Response csv = tester.get(path, "Accept", "text/csv");
            assertThat(csv.status()).as(path + " as CSV: " + csv).isEqualTo(200);
            answers.put("GET " + path + " (CSV)", csv.body());
        }
    }

    private void refused(String what, String body) {
        Http.Response response = tester.post("/api/complaints", body, "Accept-Language", "en");
        assertThat(response.status()).as(what + ": " + response).isEqualTo(400);
        answers.put("POST /api/complaints, " + what, response.body());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static Set<String> secrets(String... values) {
        Set<String> all = new LinkedHashSet<>();
        for (String value : values) {
            all.add(value);
            all.add(value.toLowerCase(Locale.ROOT));
            all.add(fold(value));
        }
        return all;
    }

    /** Lower case without diacritics, as the read models fold names for search. */
    private static String fold(String value) {
        return Normalizer.normalize(value.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd');
    }

    private static List<String> found(String text) {
        if (text == null) {
            return List.of();
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String folded = fold(nfc);
        return SECRETS.stream().filter(secret -> nfc.contains(secret) || folded.contains(fold(secret))).toList();
    }

    @Test
    @DisplayName("no event, its payload nor its metadata, holds any of it")
    void notInTheEventStore() {
        List<Map<String, Object>> events = app.jdbc().sql("""
                select global_index, payload_type, convert_from(payload, 'UTF8') as payload,
                       convert_from(meta_data, 'UTF8') as meta_data
                from domain_event_entry order by global_index""").query().listOfRows();
        assertThat(events).extracting(row -> row.get("payload_type").toString())
                .anyMatch(type -> type.endsWith("IdentityRevealApproved"))
                .anyMatch(type -> type.endsWith("ComplaintReceived"));
        for (Map<String, Object> event : events) {
            assertThat(found((String) event.get("payload"))).as("payload of " + event.get("payload_type")).isEmpty();
            assertThat(found((String) event.get("meta_data"))).as("metadata of " + event.get("payload_type")).isEmpty();
        }
    }

    @Test
    @DisplayName("no column of any table holds any of it, as text, JSON or bytes")
    void notInAnyTable() {
        List<Map<String, Object>> columns = app.jdbc().sql("""
                select c.table_schema, c.table_name, c.column_name, c.data_type
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema not in ('pg_catalog', 'information_schema') and t.table_type = 'BASE TABLE'
                order by 1, 2, 3""").query().listOfRows();
        assertThat(columns).extracting(row -> row.get("table_name")).contains("confidential_denouncer",
                "domain_event_entry", "complaint_view", "case_view", "read_audit", "identity_request_view",
                "idempotency_record");
        List<String> hits = new ArrayList<>();
        int scanned = 0;
        for (Map<String, Object> column : columns) {
            String table = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            boolean bytes = "bytea".equals(column.get("data_type"));
            for (String secret : SECRETS) {
                String condition = bytes
                        ? "position(convert_to(:secret, 'UTF8') in " + name + ") > 0"
                        : "strpos(" + name + "::text, :secret) > 0";
                long count = app.jdbc().sql("select count(*) from " + table + " where " + condition)
                        .param("secret", secret).query(Long.class).single();
                if (count > 0) {
                    hits.add(table + "." + name + " holds \"" + secret + "\"");
                }
            }
            scanned++;
        }
        assertThat(scanned).isGreaterThan(100);
        assertThat(hits).isEmpty();
        assertThat(app.jdbc().sql("select count(*) from pg_largeobject_metadata").query(Long.class).single())
                .as("no large objects beside the tables").isZero();
        // and the vault's row is there, sealed
        Map<String, Object> row = app.jdbc().sql("select * from confidential_denouncer where complaint_id = :id")
                .param("id", complaint).query().singleRow();
        assertThat((byte[]) row.get("ciphertext")).isNotEmpty();
        assertThat(new String((byte[]) row.get("ciphertext"), StandardCharsets.UTF_8)).doesNotContain("Trinh");
    }

    @Test
    @DisplayName("no answer of the API holds any of it: lists, details, histories, CSV, requests, read audit, pages, figures, refusals")
    void notInAnyAnswer() {
        assertThat(answers).hasSizeGreaterThan(20);
        answers.forEach((what, body) -> assertThat(found(body)).as(what + ": " + body).isEmpty());
    }

    @Test
    @DisplayName("no log line holds any of it, at INFO with the web, JDBC and the product at DEBUG or TRACE")
    void notInTheLog() {
        assertThat(log).as("the log was captured, JDBC statements included").contains("confidential_denouncer")
                .contains(complaint);
        assertThat(found(log)).isEmpty();
    }
}
