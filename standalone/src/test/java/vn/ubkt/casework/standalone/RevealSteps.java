package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * The steps of a denouncer's letter and of a reveal of its sender through the public API (API.md "The denouncer's
 * identity"), each checking the answer it must give.
 */
final class RevealSteps {

    private final Http tester;

    RevealSteps(RunningApp app) {
        this.tester = app.http;
    }

    static String denouncer(String name, String address, String phone) {
        return """
                {"name": "%s", "address": "%s", "phone": "%s"}""".formatted(name, address, phone);
    }

    /** A letter received by UBKT-TU of the scenario's province, in the read model when this returns. */
    String receive(String denouncer, String memberId, String accusedName) {
        Http.Response response = tester.post("/api/complaints", """
                {"committeeId": "UBKT-TU", "receivedOn": "2026-03-02", "anonymous": %s, %s
                 "accused": %s, "content": "Tố cáo đồng chí %s vi phạm quy định về quản lý đất đai ở thôn Cầu Trắng"}"""
                .formatted(denouncer == null, denouncer == null ? "" : "\"denouncer\": " + denouncer + ",",
                        CaseworkScenario.ordinaryMember(memberId, accusedName, "OFFICIAL", "CB-THON"), accusedName));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> tester.get("/api/complaints/" + id).status() == 200);
        return id;
    }

    /** Waits until the query side's tree holds the node, so users bound under it have their jurisdiction. */
    void awaitNode(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> tester.get("/api/committees/" + id).status() == 200);
    }

    static Http.Response ask(Http who, String complaintId, String reason) {
        return who.post("/api/complaints/" + complaintId + "/identity-requests", """
                {"reason": "%s"}""".formatted(reason));
    }

    /** A request that must be accepted: answers its id. */
    static String asked(Http who, String complaintId) {
        Http.Response response = ask(who, complaintId, "Cần làm rõ nội dung tố cáo trực tiếp với người tố cáo");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String requestId = response.json().get("requestId").asString();
        assertThat(requestId).isNotBlank();
        return requestId;
    }

    static Http.Response decide(Http who, String complaintId, String requestId, String verdict, String... headers) {
        return who.post("/api/complaints/" + complaintId + "/identity-requests/" + requestId + "/" + verdict, """
                {"reason": "Đã xem xét lý do đề nghị"}""", headers);
    }

    static void approved(Http custodian, String complaintId, String requestId) {
        Http.Response response = decide(custodian, complaintId, requestId, "approve");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("APPROVED");
    }

    static Http.Response identity(Http who, String complaintId, String... headers) {
        return who.get("/api/complaints/" + complaintId + "/identity", headers);
    }

    static Http.Response erase(Http who, String complaintId) {
        return who.post("/api/complaints/" + complaintId + "/identity/erase", """
                {"reason": "Người tố cáo đề nghị xóa thông tin cá nhân"}""");
    }

    /** A refusal as problem+json with the status. */
    static Http.Response problem(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        return response;
    }
}
