package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Jurisdictions are kept in memory until the tree changes (TreeWalk, CommitteeTree): a move must reach a user whose
 * jurisdiction was already worked out, on both sides, without a restart.
 */
@DisplayName("A user's jurisdiction follows the tree as soon as it changes, on both sides")
class JurisdictionFollowsTheTreeIT {

    @Test
    @DisplayName("a commune moved into a province today: its staff, refused before, read its case and act for it after")
    void moveReachesAKnownJurisdiction() {
        try (RunningApp app = RunningApp.start()) {
            AccessFixture tree = new AccessFixture(app).build();
            Http staff = app.user("jf-p2", AccessFixture.P2_UBKT, null, "STAFF");
            String plan = """
                    {"type": "INSPECTION_SIGNS_OF_VIOLATION", "committeeId": "%s", "subject": %s, "content": "Kiểm tra",
                     "planRef": "KH-JF", "plannedOn": "%s", "plannedFrom": "%s", "plannedTo": "2026-12-31"}""";
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            String body = plan.formatted(AccessFixture.P1_COMMUNE, CaseworkScenario.ordinaryMember("JF-M-1", "Lê Văn Một",
                    "OFFICIAL", AccessFixture.P1_COMMUNE), today, today);
            // worked out (and kept) on both sides: outside
            assertThat(staff.get("/api/cases/" + tree.caseOfCommune).status()).isEqualTo(404);
            assertThat(staff.post("/api/cases", body).status()).isEqualTo(403);

            Http.Response moved = app.http.post("/api/committees/" + AccessFixture.P1_COMMUNE + "/move",
                    "{\"movedOn\": \"%s\", \"parentId\": \"%s\"}".formatted(today, AccessFixture.P2));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

            // the command side's directory changed with the move: at once
            Http.Response planned = staff.post("/api/cases", body);
            assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
            // the query side's tree follows its projection
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(staff.get("/api/cases/" + tree.caseOfCommune).status()).isEqualTo(200));
        }
    }
}
