package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tree's gaps found in use, through the API and the command side's own directory: a node with standing children
 * is not dissolved without a successor (move them first), and nothing is moved or dissolved on its day of establishment.
 */
@DisplayName("Dissolving a node with standing children needs a successor; nothing moves or ends on its first day")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TreeGapsIT {

    private RunningApp app;
    private CaseworkScenario scenario;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        scenario = new CaseworkScenario(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private void node(String id, String kind, String level, String parent, String establishedOn) {
        Http.Response created = app.http.post("/api/committees", """
                {"id": "%s", "name": "%s", "kind": "%s", "level": "%s", "parentId": "%s", "establishedOn": "%s"}"""
                .formatted(id, id, kind, level, parent, establishedOn));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    @DisplayName("a commune with a standing cell is refused dissolution without a successor; moved away, it is dissolved")
    void moveChildrenFirst() {
        node("TG-TU", "PARTY_COMMITTEE", "PROVINCIAL", RunningApp.CENTRAL, "2000-01-01");
        node("TG-XA1", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "TG-TU", "2000-01-01");
        node("TG-XA2", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "TG-TU", "2000-01-01");
        node("TG-CB", "CELL", "CELL", "TG-XA1", "2000-01-01");
        Http.Response refused = scenario.refusedByRule("/api/committees/TG-XA1/dissolve", """
                {"dissolvedOn": "2025-07-01", "reason": "Sáp nhập xã"}""", "TREE-CHILDREN", "Accept-Language", "en");
        assertThat(refused.json().get("detail").asString()).contains("TG-CB").contains("move them first");

        Http.Response moved = app.http.post("/api/committees/TG-CB/move", """
                {"movedOn": "2025-07-01", "parentId": "TG-XA2"}""");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        Http.Response dissolved = app.http.post("/api/committees/TG-XA1/dissolve", """
                {"dissolvedOn": "2025-07-01", "reason": "Sáp nhập xã"}""");
        assertThat(dissolved.status()).as(dissolved.toString()).isEqualTo(200);
    }

    @Test
    @DisplayName("a move or a dissolution dated on the day of establishment is refused; the next day they are accepted")
    void notOnTheFirstDay() {
        node("TG2-TU", "PARTY_COMMITTEE", "PROVINCIAL", RunningApp.CENTRAL, "2000-01-01");
        node("TG2-HU", "PARTY_COMMITTEE", "DISTRICT", "TG2-TU", "2000-01-01");
        node("TG2-XA", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "TG2-HU", "2020-03-02");
        scenario.refusedByRule("/api/committees/TG2-XA/move", """
                {"movedOn": "2020-03-02", "parentId": "TG2-TU"}""", "R-DATES");
        scenario.refusedByRule("/api/committees/TG2-XA/dissolve", """
                {"dissolvedOn": "2020-03-02", "reason": "Nhầm"}""", "R-DATES");
        Http.Response moved = app.http.post("/api/committees/TG2-XA/move", """
                {"movedOn": "2020-03-03", "parentId": "TG2-TU"}""");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }
}
