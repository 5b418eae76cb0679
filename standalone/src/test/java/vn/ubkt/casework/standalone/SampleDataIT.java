package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("A first look: the sample data set, loaded on request through the product's own API")
class SampleDataIT {

    @Test
    @DisplayName("with casework.sample-data the province, the 2025 reform, seed 000's figures and a case in every status are there")
    void loaded() {
        try (RunningApp app = RunningApp.startBare("casework.sample-data=true")) {
            Http reader = app.user("nguoi-xem", "TW", null, "STAFF", "AUDITOR");
            // the read models catch up with what was entered at start
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.get("/api/cases?size=200").json().get("total").asInt() >= 50
                    && reader.get("/api/committees/HU-SD/statistics?from=2019-01-01&to=2019-12-31").json()
                    .at("/disciplined/members/total").asInt() == 40
                    && reader.get("/api/committees/DU-SON-NAM").json().path("parentId").asString("").equals("TU-TQ"));
            // seed 000: Sơn Dương, 2019 — khiển trách 32, cảnh cáo 6, cách chức 2
            JsonNode members = reader.get("/api/committees/HU-SD/statistics?from=2019-01-01&to=2019-12-31")
                    .json().get("disciplined").get("members");
            assertThat(members.get("total").asInt()).isEqualTo(40);
            assertThat(members.get("REPRIMAND").asInt()).isEqualTo(32);
            assertThat(members.get("WARNING").asInt()).isEqualTo(6);
            assertThat(members.get("DISMISSAL").asInt()).isEqualTo(2);
            // the district is gone, its communes under the province
            JsonNode district = reader.get("/api/committees/HU-SD").json();
            assertThat(district.get("dissolvedOn").asString()).isEqualTo("2025-07-01");
            assertThat(district.get("successorId").asString()).isEqualTo("TU-TQ");
            assertThat(reader.get("/api/committees/DU-SON-NAM").json().get("parentId").asString()).isEqualTo("TU-TQ");
            // a case in every status, and letters
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Set<String> statuses = new TreeSet<>(reader.get("/api/cases?size=200").json().get("items")
                        .findValuesAsString("status"));
                assertThat(statuses).contains("PLANNED", "OPEN", "CONCLUDED", "DISCIPLINE_PROPOSED", "DECIDED", "APPEALED",
                        "CLOSED", "WITHDRAWN", "ESCALATED");
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(reader.get("/api/complaints").json().findValuesAsString("status")).contains("ACCEPTED", "DISMISSED"));
            // entered by a user made for it, who can no longer sign in
            JsonNode loader = app.admin().get("/api/users/du-lieu-mau").json();
            assertThat(loader.get("enabled").asBoolean()).isFalse();
            assertThat(app.jdbc().sql("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8') like '%du-lieu-mau%'")
                    .query(Long.class).single()).isGreaterThan(200);
        }
    }

    @Test
    @DisplayName("without the flag nothing is loaded, and a tree that is not empty is never added to")
    void notByDefault() {
        try (RunningApp app = RunningApp.start()) {
            assertThat(app.http.get("/api/committees/TU-TQ").status()).isEqualTo(404);
        }
        String database = TestDatabase.newDatabase();
        try (RunningApp first = RunningApp.startOn(database,
                new org.springframework.boot.builder.SpringApplicationBuilder(StandaloneApplication.class)).withTester(true)) {
            assertThat(first.http.get("/api/committees/" + RunningApp.CENTRAL).status()).isIn(200, 404);
        }
        try (RunningApp again = RunningApp.startOn(database,
                new org.springframework.boot.builder.SpringApplicationBuilder(StandaloneApplication.class),
                "casework.sample-data=true")) {
            // the tree was not empty: nothing added
            assertThat(again.jdbc().sql("select count(*) from cmd_committee where id = 'TU-TQ'").query(Long.class).single())
                    .isZero();
        }
    }
}
