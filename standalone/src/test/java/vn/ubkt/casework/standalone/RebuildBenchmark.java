package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Not part of the test run (its name matches neither *Test nor *IT). Run it with
 * {@code ./mvnw -pl standalone test -Dtest=RebuildBenchmark -Dbenchmark.events=100000} and record the figures it
 * prints in docs/BENCHMARKS.md: the live catch-up rate and each projection's rebuild rate, measured in one run.
 */
class RebuildBenchmark {

    @Test
    void rebuildEveryProjection() {
        int events = Integer.getInteger("benchmark.events", 100_000);
        try (RunningApp app = RunningApp.start()) {
            SyntheticHistory history = new SyntheticHistory(app);
            history.registerTree();
            long started = System.nanoTime();
            long appended = history.appendCases(events);
            double appendSeconds = (System.nanoTime() - started) / 1e9;
            SyntheticHistory.awaitCaughtUp(app);
            double liveSeconds = (System.nanoTime() - started) / 1e9;
            long stored = app.eventCount();
            System.out.printf("BENCHMARK store: %d events (%d appended in %.1f s); live projections caught up %.1f s after the first append%n",
                    stored, appended, appendSeconds, liveSeconds);
            String before = app.http.get("/api/committees/S-TU/statistics?from=2019-01-01&to=2025-12-31").body();
            for (String projection : new String[] {"committee-tree", "case-detail", "complaints", "statistics"}) {
                long t0 = System.nanoTime();
                assertThat(app.http.post("/api/admin/projections/" + projection + "/rebuild", "").status()).isEqualTo(202);
                await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        done(app, projection) != null);
                JsonNode rebuild = done(app, projection);
                System.out.printf("BENCHMARK rebuild %-15s %7d events in %6.1f s (wall %6.1f s): %8.0f events/s, agreed=%s, differences=%d%n",
                        projection, rebuild.get("events").asLong(),
                        rebuild.get("events").asLong() / rebuild.get("eventsPerSecond").asDouble(),
                        (System.nanoTime() - t0) / 1e9, rebuild.get("eventsPerSecond").asDouble(),
                        rebuild.get("agreed").asBoolean(), rebuild.get("differences").asLong());
                assertThat(rebuild.get("agreed").asBoolean()).isTrue();
            }
            SyntheticHistory.awaitCaughtUp(app);
            assertThat(app.http.get("/api/committees/S-TU/statistics?from=2019-01-01&to=2025-12-31").body()).isEqualTo(before);
            assertThat(stored).isGreaterThanOrEqualTo(events);
        }
    }

    private static JsonNode done(RunningApp app, String name) {
        for (JsonNode projection : app.http.get("/api/admin/projections").json()) {
            JsonNode rebuild = projection.get("lastRebuild");
            if (projection.get("name").asString().equals(name) && !rebuild.isNull()
                    && rebuild.get("status").asString().equals("DONE")) {
                return rebuild;
            }
        }
        return null;
    }
}
