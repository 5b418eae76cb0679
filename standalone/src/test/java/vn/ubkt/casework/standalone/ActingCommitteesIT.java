package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A list or a search names only the committees of the user's jurisdiction that act on a case (case_committee, V17):
 * the same cases, planned without matching hundreds of idle committees against the column's statistics.
 */
@DisplayName("Lists name only the committees that act on cases, and still select every case of the jurisdiction")
class ActingCommitteesIT {

    @Test
    @DisplayName("a case transferred to a committee that never acted is listed and found by its new jurisdiction at once, and left by the old")
    void transferToAnIdleCommittee() {
        try (RunningApp app = RunningApp.start()) {
            AccessFixture tree = new AccessFixture(app).build();
            Http province = app.user("ac-p1", AccessFixture.P1_UBKT, null, "STAFF");
            Http other = app.user("ac-p2", AccessFixture.P2_UBKT, null, "STAFF");
            // the province's party committee acts on no case yet
            assertThat(acting(app)).contains(AccessFixture.P1_UBKT, AccessFixture.P1_COMMUNE, AccessFixture.P2_UBKT,
                    AccessFixture.P1_DISTRICT_UBKT).doesNotContain(AccessFixture.P1);
            assertThat(ids(province.get("/api/cases?size=200")))
                    .contains(tree.caseInside, tree.caseOfCommune, tree.caseOfDissolvedDistrict)
                    .doesNotContain(tree.caseOutside);
            assertThat(ids(province.get("/api/cases?size=200&q=Ngo%C3%A0i"))).doesNotContain(tree.caseOutside);

            Http.Response transferred = app.http.post("/api/cases/" + tree.caseOutside + "/transfer", """
                    {"transferredOn": "2026-03-02", "toCommitteeId": "%s", "reason": "Thuộc thẩm quyền Tỉnh ủy Một"}"""
                    .formatted(AccessFixture.P1));
            assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);

            // the committee is known in the transaction that wrote the case: the list that shows the case names it
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ids(province.get("/api/cases?size=200"))).contains(tree.caseOutside));
            assertThat(acting(app)).contains(AccessFixture.P1, AccessFixture.P2_UBKT);
            assertThat(ids(province.get("/api/cases?size=200&q=Ngo%C3%A0i"))).containsExactly(tree.caseOutside);
            assertThat(ids(province.get("/api/cases?size=200&committeeId=" + AccessFixture.P1 + "&scope=OWN")))
                    .containsExactly(tree.caseOutside);
            // its old committee stays among the acting ones (nothing is narrowed wrongly by it), its case is gone there
            assertThat(ids(other.get("/api/cases?size=200"))).doesNotContain(tree.caseOutside);
            assertThat(ids(other.get("/api/cases?size=200&q=Ngo%C3%A0i"))).isEmpty();
        }
    }

    @Test
    @DisplayName("a user whose jurisdiction holds no acting committee gets an empty list and an empty search, not an error")
    void noActingCommittee() {
        try (RunningApp app = RunningApp.start()) {
            new AccessFixture(app).build();
            Http cell = app.user("ac-cell", AccessFixture.P1_CELL, null, "STAFF");
            assertThat(acting(app)).doesNotContain(AccessFixture.P1_CELL);
            for (String path : List.of("/api/cases?size=200", "/api/cases?size=200&q=Nguy%E1%BB%85n")) {
                Http.Response list = cell.get(path);
                assertThat(list.status()).as(list.toString()).isEqualTo(200);
                assertThat(list.json().get("total").asLong()).isZero();
                assertThat(ids(list)).isEmpty();
            }
            // and the national user still lists every case
            assertThat(app.http.get("/api/cases?size=200").json().get("total").asLong()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    @DisplayName("upgrading to V17 gives case_committee every committee acting on an existing case, each once")
    void migrationFillsTheActingCommittees() {
        DataSource dataSource = TestDatabase.migratedTo("16");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, document, updated_at)
                select 'C-' || n, 0, 'SUPERVISION_REGULAR', 'PLANNED', case when n % 3 = 0 then 'UBKT-B' else 'UBKT-A' end,
                       'MEMBER', 'CB-THON', 'DV-' || n, 'Trần Thị Lan', date '2026-01-01', '{}', now()
                from generate_series(1, 10) n""").update();
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name = 'case_committee'")
                .query(Long.class).single()).isZero();

        TestDatabase.migrate(dataSource, "latest");

        assertThat(jdbc.sql("select committee_id from case_committee order by committee_id").query(String.class).list())
                .containsExactly("UBKT-A", "UBKT-B");
    }


    private static List<String> acting(RunningApp app) {
        return app.jdbc().sql("select committee_id from case_committee").query(String.class).list();
    }

    private static List<String> ids(Http.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode items = list.json().get("items");
        return items.findValuesAsString("id");
    }
}
