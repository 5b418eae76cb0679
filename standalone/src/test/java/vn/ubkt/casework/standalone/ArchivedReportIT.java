package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A report archived with the checkpoint it was computed at (API.md 1.1, "Integrity of the record") is served byte for
 * byte forever, and recomputed from exactly the first treeSize events of the log it says the same, whatever happened
 * since: thousands of later events, and a rebuild of every projection.
 */
@DisplayName("An archived report is the same bytes forever, and recomputes identically from the first N events")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchivedReportIT {

    private static final String PERIOD = "from=2019-01-01&to=2025-12-31";
    private static final List<String> PROJECTIONS = List.of("case-detail", "committee-tree", "complaints", "statistics",
            "suspensions");

    private RunningApp app;
    private SyntheticHistory history;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        history = new SyntheticHistory(app);
        history.registerTree();
        history.appendCases(2000);
        SyntheticHistory.awaitCaughtUp(app);
        awaitSealed();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private void awaitSealed() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> app.http.get("/api/integrity/status").json().get("lag").asLong() == 0);
    }

    @Test
    @DisplayName("archived, then thousands more events and every projection rebuilt: the same bytes, verified identical")
    void archivedReportStaysTheSame() throws Exception {
        String live = app.http.get("/api/committees/S-TU/report?" + PERIOD + "&lang=en").body();
        Http.Response created = app.http.post("/api/committees/S-TU/reports?" + PERIOD + "&lang=en", "");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode archived = created.json();
        String id = archived.get("reportId").asString();
        assertThat(created.header("Location")).isEqualTo("/api/reports/" + id);
        assertThat(archived.get("treeSize").asLong()).isEqualTo(app.eventCount());
        assertThat(archived.get("rootHash").asString()).isNotBlank();

        Http.Response first = app.http.get("/api/reports/" + id);
        assertThat(first.status()).isEqualTo(200);
        // recomputed from the log, it is what the live read models said at the time
        assertThat(first.body()).isEqualTo(live).contains("Tỉnh ủy Tuyên Quang", "party members");
        assertThat(sha256(first.body())).isEqualTo(archived.get("sha256").asString());

        // the record goes on, and every read model is rebuilt
        history.appendCases(3000);
        SyntheticHistory.awaitCaughtUp(app);
        assertThat(app.http.get("/api/committees/S-TU/report?" + PERIOD + "&lang=en").body())
                .as("the live report has moved on").isNotEqualTo(live);
        for (String projection : PROJECTIONS) {
            assertThat(app.http.post("/api/admin/projections/" + projection + "/rebuild", "").status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> rebuilt(projection));
        }
        awaitSealed();

        Http.Response again = app.http.get("/api/reports/" + id);
        assertThat(again.body()).isEqualTo(first.body());
        JsonNode verification = app.http.post("/api/reports/" + id + "/verify", "").json();
        assertThat(verification.get("identical").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("logUnchanged").asBoolean()).isTrue();
        assertThat(verification.get("treeSize").asLong()).isEqualTo(archived.get("treeSize").asLong());
        assertThat(verification.get("recomputedSha256").asString()).isEqualTo(archived.get("sha256").asString());
        assertThat(verification.get("replayedEvents").asLong()).isEqualTo(archived.get("treeSize").asLong());
    }

    @Test
    @DisplayName("an unknown report is 404, bad parameters 400, an unknown committee 404, all as problem+json")
    void refusals() {
        assertThat(app.http.get("/api/reports/nothing-here").status()).isEqualTo(404);
        assertThat(app.http.post("/api/reports/nothing-here/verify", "").status()).isEqualTo(404);
        Http.Response badDates = app.http.post("/api/committees/S-TU/reports?from=2020-01-01&to=2019-01-01", "");
        assertThat(badDates.status()).isEqualTo(400);
        assertThat(badDates.header("Content-Type")).contains("application/problem+json");
        assertThat(app.http.post("/api/committees/S-TU/reports?from=x&to=2019-01-01", "").status()).isEqualTo(400);
        assertThat(app.http.post("/api/committees/S-TU/reports?" + PERIOD + "&lang=fr", "").status()).isEqualTo(400);
        assertThat(app.http.post("/api/committees/NO-SUCH/reports?" + PERIOD, "").status()).isIn(403, 404);
    }

    private boolean rebuilt(String name) {
        for (JsonNode projection : app.http.get("/api/admin/projections").json()) {
            JsonNode rebuild = projection.get("lastRebuild");
            if (projection.get("name").asString().equals(name) && rebuild != null && !rebuild.isNull()
                    && rebuild.get("status").asString().equals("DONE")) {
                assertThat(rebuild.get("agreed").asBoolean()).as(name).isTrue();
                return true;
            }
        }
        return false;
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
