package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ubkt.casework.standalone.RevealSteps.approved;
import static vn.ubkt.casework.standalone.RevealSteps.ask;
import static vn.ubkt.casework.standalone.RevealSteps.asked;
import static vn.ubkt.casework.standalone.RevealSteps.decide;
import static vn.ubkt.casework.standalone.RevealSteps.erase;
import static vn.ubkt.casework.standalone.RevealSteps.identity;
import static vn.ubkt.casework.standalone.RevealSteps.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * API.md "The denouncer's identity" through the public API: a reveal takes a request by staff and the decision of
 * another person, shows the identity to the requester alone for a limited time (here 10 seconds), is written to the
 * read audit, and ends for good with an erasure.
 */
@DisplayName("Revealing a denouncer's identity takes two people, lasts a short time, and ends with an erasure")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityRevealIT {

    private static final Duration LIFETIME = Duration.ofSeconds(10);
    private static final String NAME = "Phùng Thị Ngọc Lan";
    private static final String ADDRESS = "Xóm 3, thôn Cầu Trắng, xã Sơn Dương, tỉnh Tuyên Quang";
    private static final String PHONE = "0978 112 358";

    private RunningApp app;
    private Http tester;
    private RevealSteps steps;
    private Http staff;
    private Http otherStaff;
    private Http custodian;
    private Http staffCustodian;
    private Http farCustodian;
    private int accused = 100;

    @BeforeAll
    void start() {
        app = RunningApp.start("casework.security.reveal-lifetime=PT10S");
        tester = app.http;
        CaseworkScenario scenario = new CaseworkScenario(app);
        scenario.province("");
        scenario.province("X-");
        steps = new RevealSteps(app);
        steps.awaitNode("CB-THON");
        steps.awaitNode("X-CB-THON");
        staff = app.user("can-bo-a", "UBKT-TU", null, "STAFF");
        otherStaff = app.user("can-bo-b", "UBKT-TU", null, "STAFF");
        custodian = app.user("giu-bi-mat-a", "UBKT-TU", null, "CUSTODIAN");
        staffCustodian = app.user("can-bo-giu-bi-mat", "UBKT-TU", null, "STAFF", "CUSTODIAN");
        farCustodian = app.user("giu-bi-mat-xa", "X-UBKT-TU", null, "CUSTODIAN");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String named() {
        return steps.receive(RevealSteps.denouncer(NAME, ADDRESS, PHONE), "570" + (accused++), "Hoàng Văn Thắng");
    }

    private JsonNode requests(Http who, String complaintId) {
        Http.Response response = who.get("/api/complaints/" + complaintId + "/identity-requests");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** One field of every element of a JSON array, in order. */
    private static List<String> each(JsonNode array, String field) {
        List<String> values = new java.util.ArrayList<>();
        for (JsonNode element : array) {
            values.add(element.get(field).isNull() ? null : element.get(field).asString());
        }
        return values;
    }

    private List<Map<String, Object>> auditOf(String complaintId, String kind) {
        return app.jdbc().sql("select username, what from read_audit where item_id = :id and kind = :kind order by id")
                .param("id", complaintId).param("kind", kind).query().listOfRows();
    }

    @Test
    @DisplayName("staff ask with a reason: 201 with a requestId, listed PENDING with requester and reason; nothing is revealed yet")
    void asking() {
        String complaint = named();

        Http.Response asked = ask(staff, complaint, "Cần xác minh thêm với người tố cáo");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        String requestId = asked.json().get("requestId").asString();

        for (Http reader : List.of(staff, custodian)) {
            JsonNode list = requests(reader, complaint);
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("requestId").asString()).isEqualTo(requestId);
            assertThat(list.get(0).get("status").asString()).isEqualTo("PENDING");
            assertThat(list.get(0).get("requestedBy").asString()).isEqualTo("can-bo-a");
            assertThat(list.get(0).get("reason").asString()).isEqualTo("Cần xác minh thêm với người tố cáo");
            assertThat(list.get(0).get("decidedBy").isNull()).isTrue();
        }
        Http.Response refused = problem(identity(staff, complaint, "Accept-Language", "en"), 403);
        assertThat(refused.json().get("detail").asString()).contains(requestId).contains("waits");
        assertThat(auditOf(complaint, "IDENTITY")).isEmpty();
    }

    @Test
    @DisplayName("the requester is the signed-in user, whatever the body says")
    void requesterFromSignIn() {
        String complaint = named();
        Http.Response asked = staff.post("/api/complaints/" + complaint + "/identity-requests", """
                {"reason": "Cần xác minh", "requestedBy": "giu-bi-mat-a"}""");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);

        JsonNode event = new CaseworkScenario(app).only(complaint, "IdentityRevealRequested");
        assertThat(event.get("requestedBy").asString()).isEqualTo("can-bo-a");
        // and a custodian may now decide it: it is not theirs
        approved(custodian, complaint, asked.json().get("requestId").asString());
    }

    @Test
    @DisplayName("a requester who is also a custodian may not approve or deny their own request (403); another custodian may")
    void secondPerson() {
        String complaint = named();
        String requestId = asked(staffCustodian, complaint);

        Http.Response ownApproval = problem(decide(staffCustodian, complaint, requestId, "approve",
                "Accept-Language", "en"), 403);
        assertThat(ownApproval.json().get("detail").asString()).contains("can-bo-giu-bi-mat").contains("second person");
        problem(decide(staffCustodian, complaint, requestId, "deny"), 403);
        problem(identity(staffCustodian, complaint), 403);

        approved(custodian, complaint, requestId);
        Http.Response revealed = identity(staffCustodian, complaint);
        assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
        assertThat(revealed.json().get("name").asString()).isEqualTo(NAME);
    }

    @Test
    @DisplayName("the role table holds: staff cannot decide, a custodian cannot ask nor read")
    void roles() {
        String complaint = named();
        String requestId = asked(staff, complaint);

        problem(decide(otherStaff, complaint, requestId, "approve"), 403);
        problem(decide(otherStaff, complaint, requestId, "deny"), 403);
        problem(ask(custodian, complaint, "Tự xem"), 403);
        approved(custodian, complaint, requestId);
        problem(identity(custodian, complaint), 403);
    }

    @Test
    @DisplayName("a denied request gives 403 to its requester, and the list says DENIED, by whom and why")
    void denied() {
        String complaint = named();
        String requestId = asked(staff, complaint);

        Http.Response denied = decide(custodian, complaint, requestId, "deny");
        assertThat(denied.status()).as(denied.toString()).isEqualTo(200);
        assertThat(denied.json().get("status").asString()).isEqualTo("DENIED");

        Http.Response refused = problem(identity(staff, complaint, "Accept-Language", "en"), 403);
        assertThat(refused.json().get("detail").asString()).contains("denied");
        JsonNode request = requests(staff, complaint).get(0);
        assertThat(request.get("status").asString()).isEqualTo("DENIED");
        assertThat(request.get("decidedBy").asString()).isEqualTo("giu-bi-mat-a");
        assertThat(request.get("decisionReason").asString()).isEqualTo("Đã xem xét lý do đề nghị");
    }

    @Test
    @DisplayName("an approved request shows name, address and phone to the requester only, and each reveal is in the read audit")
    void approvedForTheRequesterOnly() {
        String complaint = named();
        problem(identity(staff, complaint), 403);
        String requestId = asked(staff, complaint);
        approved(custodian, complaint, requestId);

        Http.Response revealed = identity(staff, complaint);
        assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
        assertThat(revealed.json().get("name").asString()).isEqualTo(NAME);
        assertThat(revealed.json().get("address").asString()).isEqualTo(ADDRESS);
        assertThat(revealed.json().get("phone").asString()).isEqualTo(PHONE);
        assertThat(revealed.header("Cache-Control")).contains("no-store");
        assertThat(identity(staff, complaint).status()).isEqualTo(200);

        problem(identity(otherStaff, complaint), 403);
        problem(identity(tester, complaint), 403);

        List<Map<String, Object>> reveals = auditOf(complaint, "IDENTITY");
        assertThat(reveals).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("username")).isEqualTo("can-bo-a");
            assertThat((String) row.get("what")).contains(requestId).contains("giu-bi-mat-a").doesNotContain(NAME);
        });
        Http.Response audit = tester.get("/api/audit/reads?complaintId=" + complaint);
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.json().findValuesAsString("kind")).contains("IDENTITY", "COMPLAINT");
        assertThat(audit.body()).doesNotContain(NAME).doesNotContain(PHONE);

        JsonNode request = requests(staff, complaint).get(0);
        assertThat(request.get("status").asString()).isEqualTo("APPROVED");
        assertThat(Instant.parse(request.get("expiresAt").asString()))
                .isEqualTo(Instant.parse(request.get("decidedAt").asString()).plus(LIFETIME));
    }

    @Test
    @DisplayName("an approval expires after the reveal lifetime: then the requester gets 403 and the request reads EXPIRED")
    void expires() {
        String complaint = named();
        String requestId = asked(staff, complaint);
        approved(custodian, complaint, requestId);
        assertThat(identity(staff, complaint).status()).isEqualTo(200);

        await().atMost(LIFETIME.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> identity(staff, complaint).status() == 403);
        Http.Response refused = problem(identity(staff, complaint, "Accept-Language", "en"), 403);
        assertThat(refused.json().get("detail").asString()).contains("expired");
        assertThat(requests(staff, complaint).get(0).get("status").asString()).isEqualTo("EXPIRED");
        await().atMost(Duration.ofSeconds(10)).until(() -> custodian.get("/api/identity-requests?status=EXPIRED")
                .json().findValuesAsString("requestId").contains(requestId));
    }

    @Test
    @DisplayName("a request is decided once: deciding again is 409; a request never made is 404")
    void decidedOnce() {
        String complaint = named();
        String requestId = asked(staff, complaint);
        approved(custodian, complaint, requestId);

        Http.Response again = problem(decide(staffCustodian, complaint, requestId, "deny"), 409);
        assertThat(again.json().get("currentStatus").asString()).isEqualTo("APPROVED");
        problem(decide(custodian, complaint, requestId, "approve"), 409);
        problem(decide(custodian, complaint, "no-such-request", "approve"), 404);
    }

    @Test
    @DisplayName("an anonymous letter has no one to reveal: asking is refused with a clear 409, and reading is 403")
    void anonymousLetter() {
        String complaint = steps.receive(null, "570" + (accused++), "Lý Văn Tài");

        Http.Response refused = problem(ask(staff, complaint, "Muốn biết ai gửi"), 409);
        assertThat(refused.json().get("detail").asString()).contains("không có thông tin người tố cáo");
        Http.Response english = problem(staff.post("/api/complaints/" + complaint + "/identity-requests",
                "{\"reason\": \"Who sent it\"}", "Accept-Language", "en"), 409);
        assertThat(english.json().get("detail").asString()).contains("has no denouncer on file");
        problem(identity(staff, complaint), 403);
        assertThat(requests(staff, complaint)).isEmpty();
    }

    @Test
    @DisplayName("the custodians' queue lists the requests inside their jurisdiction only, by status")
    void queue() {
        String complaint = named();
        String requestId = asked(staff, complaint);

        await().atMost(Duration.ofSeconds(10)).until(() -> custodian.get("/api/identity-requests?status=PENDING")
                .json().findValuesAsString("requestId").contains(requestId));
        JsonNode pending = custodian.get("/api/identity-requests?status=PENDING").json();
        assertThat(pending.findValuesAsString("status")).containsOnly("PENDING");
        assertThat(staff.get("/api/identity-requests").json().findValuesAsString("requestId")).contains(requestId);

        // a custodian of another province neither sees it nor may decide it
        Http.Response far = farCustodian.get("/api/identity-requests?status=PENDING");
        assertThat(far.status()).isEqualTo(200);
        assertThat(far.json().findValuesAsString("requestId")).doesNotContain(requestId);
        problem(decide(farCustodian, complaint, requestId, "approve"), 404);
        problem(farCustodian.get("/api/complaints/" + complaint + "/identity-requests"), 404);

        approved(custodian, complaint, requestId);
        await().atMost(Duration.ofSeconds(10)).until(() -> !custodian.get("/api/identity-requests?status=PENDING")
                .json().findValuesAsString("requestId").contains(requestId));
        assertThat(custodian.get("/api/identity-requests?status=APPROVED").json().findValuesAsString("requestId"))
                .contains(requestId);
        problem(custodian.get("/api/identity-requests?status=WHATEVER"), 400);
        problem(tester.anonymous().get("/api/identity-requests"), 401);
    }

    @Test
    @DisplayName("after erasure the identity answers 410, its key material is gone, and the complaint's history still reads every step")
    void erasure() {
        String complaint = named();
        String requestId = asked(staff, complaint);
        approved(custodian, complaint, requestId);
        assertThat(identity(staff, complaint).status()).isEqualTo(200);

        problem(erase(staff, complaint), 403);
        Http.Response erased = erase(custodian, complaint);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        Http.Response gone = problem(identity(staff, complaint, "Accept-Language", "en"), 410);
        assertThat(gone.json().get("detail").asString()).contains("erased");
        Map<String, Object> row = app.jdbc().sql("""
                select master_key_id, wrapped_key, iv, ciphertext, erased_at from confidential_denouncer
                where complaint_id = :id""").param("id", complaint).query().singleRow();
        assertThat(row.get("wrapped_key")).isNull();
        assertThat(row.get("iv")).isNull();
        assertThat(row.get("ciphertext")).isNull();
        assertThat(row.get("master_key_id")).isNull();
        assertThat(row.get("erased_at")).isNotNull();

        Http.Response history = tester.get("/api/complaints/" + complaint + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(each(history.json(), "type")).containsExactly("ComplaintReceived",
                "IdentityRevealRequested", "IdentityRevealApproved", "DenouncerIdentityErased");
        assertThat(each(history.json(), "actor")).containsExactly("tester", "can-bo-a", "giu-bi-mat-a",
                "giu-bi-mat-a");
        assertThat(each(history.json(), "summary")).allSatisfy(summary -> assertThat(summary).isNotBlank());
        assertThat(history.json().get(3).get("summary").asString()).contains("Người tố cáo đề nghị xóa");
        assertThat(history.body()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain(ADDRESS);
        Http.Response csv = tester.get("/api/complaints/" + complaint + "/history", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(5);

        problem(ask(staff, complaint, "Xem lại"), 409);
        problem(erase(custodian, complaint), 409);
        problem(custodian.post("/api/complaints/" + complaint + "/erase-denouncer", """
                {"erasedOn": "2026-03-10", "reason": "Lặp lại"}"""), 409);
        assertThat(requests(staff, complaint).get(0).get("status").asString()).isIn("APPROVED", "EXPIRED");
    }
}
