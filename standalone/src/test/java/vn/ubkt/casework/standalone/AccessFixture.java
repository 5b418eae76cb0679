package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * Two neighbouring provinces after the 2025 reform, for the access tests: province P1 with its commission, a
 * district dissolved into it on 2025-07-01 (its commune moved under the province), a commune and a cell; province
 * P2 next door. A case and a complaint on each side of the border, and one case of a district that no longer
 * exists. Users of every role bound to P1's inspection commission.
 */
final class AccessFixture {

    static final String P1 = "AX-TU1";
    static final String P1_UBKT = "AX-UBKT1";
    static final String P1_DISTRICT = "AX-HU1";
    static final String P1_DISTRICT_UBKT = "AX-UBKT-HU1";
    static final String P1_COMMUNE = "AX-XA1";
    static final String P1_CELL = "AX-CB1";
    static final String P2 = "AX-TU2";
    static final String P2_UBKT = "AX-UBKT2";
    static final String[] ROLES = {"ADMIN", "STAFF", "AUDITOR", "VIEWER", "CUSTODIAN"};

    final RunningApp app;
    final CaseworkScenario scenario;
    /** Planned by P1's commission. */
    String caseInside;
    /** Planned and withdrawn by the district's commission before the district was dissolved into P1. */
    String caseOfDissolvedDistrict;
    /** Planned by the commune's committee. */
    String caseOfCommune;
    /** Planned by P2's commission. */
    String caseOutside;
    String complaintInside;
    String complaintOutside;
    /** Decided by P1's commission. */
    String suspensionInside;
    /** Decided by P2's commission. */
    String suspensionOutside;

    AccessFixture(RunningApp app) {
        this.app = app;
        this.scenario = new CaseworkScenario(app);
    }

    AccessFixture build() {
        String central = RunningApp.CENTRAL;
        node(P1, "Tỉnh ủy Một", "PARTY_COMMITTEE", "PROVINCIAL", central);
        node(P1_UBKT, "Ủy ban Kiểm tra Tỉnh ủy Một", "INSPECTION_COMMISSION", "PROVINCIAL", P1);
        node(P1_DISTRICT, "Huyện ủy Cũ", "PARTY_COMMITTEE", "DISTRICT", P1);
        node(P1_DISTRICT_UBKT, "Ủy ban Kiểm tra Huyện ủy Cũ", "INSPECTION_COMMISSION", "DISTRICT", P1_DISTRICT);
        node(P1_COMMUNE, "Đảng ủy xã Một", "GRASSROOTS_COMMITTEE", "GRASSROOTS", P1_DISTRICT);
        node(P1_CELL, "Chi bộ thôn Một", "CELL", "CELL", P1_COMMUNE);
        node(P2, "Tỉnh ủy Hai", "PARTY_COMMITTEE", "PROVINCIAL", central);
        node(P2_UBKT, "Ủy ban Kiểm tra Tỉnh ủy Hai", "INSPECTION_COMMISSION", "PROVINCIAL", P2);

        caseOfDissolvedDistrict = plan(P1_DISTRICT_UBKT, "AX-M-0", "Lê Văn Huyện", P1_COMMUNE, "2025-03-01");
        caseInside = plan(P1_UBKT, "AX-M-1", "Nguyễn Văn Trong", P1_CELL, "2026-03-01");
        caseOfCommune = plan(P1_COMMUNE, "AX-M-3", "Phạm Văn Xã", P1_CELL, "2026-03-01");
        caseOutside = plan(P2_UBKT, "AX-M-2", "Trần Văn Ngoài", P2, "2026-03-01");
        complaintInside = complaint(P1_UBKT, "AX-M-1", "Nguyễn Văn Trong", P1_CELL);
        complaintOutside = complaint(P2_UBKT, "AX-M-2", "Trần Văn Ngoài", P2);
        suspensionInside = suspension(P1_UBKT, "AX-M-1", "Nguyễn Văn Trong", P1_CELL);
        suspensionOutside = suspension(P2_UBKT, "AX-M-2", "Trần Văn Ngoài", P2);

        // a case the district ended before it was dissolved stays the district's: it is seen through its successor
        ok(app.http.post("/api/cases/" + caseOfDissolvedDistrict + "/withdraw", """
                {"withdrawnOn": "2025-04-01", "reason": "Đối tượng đã chuyển sinh hoạt"}"""));
        // the 2025 reform: the commune moves under the province, the district is dissolved into it
        ok(app.http.post("/api/committees/" + P1_COMMUNE + "/move", """
                {"movedOn": "2025-07-01", "parentId": "%s"}""".formatted(P1)));
        ok(app.http.post("/api/committees/" + P1_DISTRICT_UBKT + "/dissolve", """
                {"dissolvedOn": "2025-07-01", "successorId": "%s", "reason": "Sắp xếp tổ chức 2025"}""".formatted(P1_UBKT)));
        ok(app.http.post("/api/committees/" + P1_DISTRICT + "/dissolve", """
                {"dissolvedOn": "2025-07-01", "successorId": "%s", "reason": "Sắp xếp tổ chức 2025"}""".formatted(P1)));
        // the read side has everything
        await().atMost(Duration.ofSeconds(20)).until(() -> app.http.get("/api/cases?size=200").json().get("total").asInt() >= 4
                && app.http.get("/api/complaints/" + complaintOutside).status() == 200
                && app.http.get("/api/suspensions/" + suspensionOutside).status() == 200
                && app.http.get("/api/committees/" + P1_DISTRICT).json().has("dissolvedOn"));
        return this;
    }

    private void node(String id, String name, String kind, String level, String parent) {
        scenario.committee(id, name, kind, level, parent, "INSPECTION_COMMISSION".equals(kind) ? 7 : 15);
    }

    String plan(String committee, String memberId, String name, String organization, String plannedOn) {
        return scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", committee,
                CaseworkScenario.ordinaryMember(memberId, name, "OFFICIAL", organization),
                "Kiểm tra khi có dấu hiệu vi phạm của " + name, "KH-" + memberId, plannedOn, plannedOn, "2026-12-31");
    }

    String complaint(String committee, String memberId, String name, String organization) {
        Http.Response received = app.http.post("/api/complaints", """
                {"committeeId": "%s", "receivedOn": "2026-04-01", "anonymous": true,
                 "accused": %s, "content": "Tố cáo %s"}""".formatted(committee,
                CaseworkScenario.ordinaryMember(memberId, name, "OFFICIAL", organization), name));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.json().get("id").asString();
    }

    String suspension(String committee, String memberId, String name, String organization) {
        Http.Response suspended = app.http.post("/api/suspensions", """
                {"member": %s, "kind": "PARTY_ACTIVITY", "suspendedOn": "2026-04-01", "days": 90,
                 "grounds": "Bị khởi tố", "decidingCommitteeId": "%s", "decisionRef": "QĐ 01-QĐ/ĐC"}""".formatted(
                CaseworkScenario.ordinaryMember(memberId, name, "OFFICIAL", organization), committee));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);
        return suspended.json().get("id").asString();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
