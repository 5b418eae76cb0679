package vn.ubkt.casework.standalone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * One run of the national-scale benchmark (issue 11): fills a store of the given size, then measures each target
 * against its goal and prints them, lines starting with {@code BENCHMARK}. {@link NationalScaleBenchmark} runs it
 * at full size; {@link NationalScaleIT} at a small one in every test run, so it cannot rot.
 */
final class NationalScaleRun {

    /** One measured figure against its goal. */
    record Figure(String target, String measured, String goal, boolean met) {
    }

    record Result(NationalScale.Size size, long events, List<Figure> figures, Map<String, JsonNode> rebuilds,
                  Map<String, NationalScale.Latencies> reads, NationalScale.Load oneClient, NationalScale.Load eightClients,
                  double pgbenchTps, NationalScale.Latencies lag, double catchUpPerSecond, long peakHeapMiB) {
    }

    /** The longest wait for the processors or the sealer to reach the head: a million cases take about half an hour. */
    private static final java.time.Duration CATCH_UP = java.time.Duration.ofHours(2);

    /** Target 4's goals, in milliseconds: the p99 of each read, the p50 of the dashboard page. */
    private static final Map<String, Double> GOALS = goals();

    private static Map<String, Double> goals() {
        Map<String, Double> goals = new LinkedHashMap<>();
        goals.put("case detail", 5.0);
        goals.put("search, first page", 50.0);
        goals.put("search, deep page", 50.0);
        goals.put("search, first page, province user", 50.0);
        goals.put("statistics, province-year", 50.0);
        goals.put("dashboard page", 300.0);
        goals.put("case history", 20.0);
        return goals;
    }

    private NationalScaleRun() {
    }

    static Result run(NationalScale.Size size, double loadSeconds, int requests, double warmUpSeconds) throws Exception {
        try (NationalScale.LiveHeap liveHeap = new NationalScale.LiveHeap(); RunningApp app = RunningApp.start()) {
            NationalScale scale = new NationalScale(app, size);
            long t0 = System.nanoTime();
            liveHeap.phase("tree");
            int treeEvents = scale.publishTree();
            say("tree: %d committee events published in %.1f s", treeEvents, (System.nanoTime() - t0) / 1e9);
            SyntheticHistory.awaitCaughtUp(app);

            liveHeap.phase("copy and catch-up");
            long copyStarted = System.nanoTime();
            long caseEvents = 0;
            int chunk = 50_000;
            for (int from = 0; from < size.cases(); from += chunk) {
                caseEvents += scale.copyCases(from, Math.min(chunk, size.cases() - from));
                say("store: %d cases, %d case events written (%.0f s)", Math.min(size.cases(), from + chunk), caseEvents,
                        (System.nanoTime() - copyStarted) / 1e9);
            }
            double copySeconds = (System.nanoTime() - copyStarted) / 1e9;
            SyntheticHistory.awaitCaughtUp(app, CATCH_UP);
            double caughtUpSeconds = (System.nanoTime() - copyStarted) / 1e9;
            long events = app.eventCount();
            double catchUp = caseEvents / caughtUpSeconds;
            say("store: %d events in all; %d case events copied in %.1f s (%.0f/s); live projections caught up %.1f s after"
                            + " the first copy: %.0f events/s", events, caseEvents, copySeconds, caseEvents / copySeconds,
                    caughtUpSeconds, catchUp);
            // a store in service has its record sealed to the head; the sealer hashing the bulk would share the cores
            // with every read measured below
            org.awaitility.Awaitility.await().atMost(CATCH_UP).pollInterval(java.time.Duration.ofSeconds(1))
                    .until(() -> app.http.get("/api/integrity/status").json().get("lag").asLong() == 0);
            double sealedSeconds = (System.nanoTime() - copyStarted) / 1e9;
            say("integrity: every event sealed %.1f s after the first copy (%.0f events/s)", sealedSeconds,
                    events / sealedSeconds);
            say("vacuum (analyze) after the bulk load: %.1f s", scale.vacuumAnalyze());
            say("case_view: %s", scale.caseViewSizes());

            int hold = Integer.getInteger("benchmark.hold-seconds", 0);
            if (Boolean.getBoolean("benchmark.store-only")) {
                // -Dbenchmark.store-only=true: the store alone, held for psql (with hold-seconds), no reads
                hold(app, hold);
                return new Result(size, events, List.of(), Map.of(), Map.of(), null, null, 0, null, catchUp,
                        liveHeap.peakMiB());
            }
            // -Dbenchmark.rebuilds-only=true: the rebuilds alone, right after the store is built (target 3's work)
            boolean rebuildsOnly = Boolean.getBoolean("benchmark.rebuilds-only");
            liveHeap.phase("reads");
            Map<String, NationalScale.Latencies> reads = rebuildsOnly ? Map.of()
                    : reads(app, scale, requests, warmUpSeconds);
            reads.values().forEach(r -> say("read %-40s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", r.what(), r.count(),
                    r.p50(), r.p99(), r.max()));

            if (hold > 0 && !rebuildsOnly) {
                // -Dbenchmark.hold-seconds=600: the store stays up after the reads, for EXPLAIN and psql
                hold(app, hold);
            }
            if (Boolean.getBoolean("benchmark.reads-only")) {
                // -Dbenchmark.reads-only=true: a store's reads under another server setting, without the half hour of
                // rebuilds and the commands
                List<Figure> figures = new ArrayList<>();
                for (Map.Entry<String, Double> goal : GOALS.entrySet()) {
                    addRead(figures, reads, goal.getKey(), goal.getValue());
                }
                figures.forEach(figure -> say("| %s | %s | %s | %s |", figure.target(), figure.measured(), figure.goal(),
                        figure.met() ? "met" : "NOT met"));
                return new Result(size, events, figures, Map.of(), reads, null, null, 0, null, catchUp, liveHeap.peakMiB());
            }

            liveHeap.phase("rebuilds");
            Map<String, JsonNode> rebuilds = new LinkedHashMap<>();
            for (String projection : scale.projections()) {
                JsonNode rebuild = scale.rebuild(projection);
                rebuilds.put(projection, rebuild);
                say("rebuild %-16s %s: %d events, %.0f events/s, agreed=%s, differences=%s", projection,
                        rebuild.get("status").asString(), rebuild.get("events").asLong(),
                        rebuild.get("eventsPerSecond").asDouble(), rebuild.get("agreed"), rebuild.get("differences"));
            }
            SyntheticHistory.awaitCaughtUp(app);
            if (rebuildsOnly) {
                if (hold > 0) {
                    hold(app, hold);
                }
                return new Result(size, events, List.of(), rebuilds, reads, null, null, 0, null, catchUp, liveHeap.peakMiB());
            }

            liveHeap.phase("commands and lag");
            NationalScale.Load warmUp = scale.commands(app.http, 8, warmUpSeconds);
            say("commands, warm-up: %d from 8 clients in %.1f s, not counted", warmUp.commands(), warmUp.seconds());
            NationalScale.Load one = scale.commands(app.http, 1, loadSeconds);
            say("commands, 1 client: %d in %.1f s = %.0f/s, p50=%.1f ms p99=%.1f ms", one.commands(), one.seconds(),
                    one.perSecond(), one.latencies().p50(), one.latencies().p99());
            NationalScale.Load eight = scale.commands(app.http, 8, loadSeconds);
            say("commands, 8 clients: %d in %.1f s = %.0f/s, p50=%.1f ms p99=%.1f ms", eight.commands(), eight.seconds(),
                    eight.perSecond(), eight.latencies().p50(), eight.latencies().p99());
            double tps = scale.pgbenchInserts(8, (int) Math.max(1, Math.round(loadSeconds)));
            say("pgbench single-row insert, 8 clients, same server: %.0f tps; commands reach %.1f%% of it", tps,
                    100 * eight.perSecond() / tps);
            SyntheticHistory.awaitCaughtUp(app);
            NationalScale.Latencies lag = scale.lag(app.http, Math.max(1, eight.perSecond() / 2), loadSeconds);
            say("projection lag at %.0f commands/s (half the 8-client rate), one client: n=%d p50=%.1f ms p99=%.1f ms",
                    eight.perSecond() / 2, lag.count(), lag.p50(), lag.p99());
            liveHeap.phase("end");
            long heap = liveHeap.peakMiB();
            liveHeap.byPhaseMiB().forEach((phase, mib) -> say(
                    "heap, %-18s at most %d MiB live after a full collection (at most %d MiB after G1's last collection)",
                    phase, mib[0], mib[1]));
            say("heap: at most %d MiB live after a full collection, in a heap of at most %d MiB", heap,
                    NationalScale.maxHeapMiB());

            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure("1. commands, 8 clients, vs pgbench single-row insert",
                    String.format("%.0f/s = %.1f%% of %.0f tps", eight.perSecond(), 100 * eight.perSecond() / tps, tps),
                    ">= 25%", eight.perSecond() >= 0.25 * tps));
            figures.add(new Figure("1. commands, 1 client, p50", String.format("%.1f ms", one.latencies().p50()), "< 5 ms",
                    one.latencies().p50() < 5));
            figures.add(new Figure("2. projection lag p99 at half the maximum rate", String.format("%.1f ms", lag.p99()),
                    "< 100 ms", lag.p99() < 100));
            double slowest = rebuilds.values().stream().mapToDouble(r -> r.get("eventsPerSecond").asDouble()).min().orElse(0);
            boolean agreed = rebuilds.values().stream().allMatch(r -> r.get("agreed").asBoolean());
            figures.add(new Figure("3. rebuild, slowest projection", String.format("%.0f events/s, all agreed: %s", slowest,
                    agreed), ">= 50,000 events/s, agreed", slowest >= 50_000 && agreed));
            for (Map.Entry<String, Double> goal : GOALS.entrySet()) {
                addRead(figures, reads, goal.getKey(), goal.getValue());
            }
            figures.add(new Figure("4. heap", "ran in -Xmx" + NationalScale.maxHeapMiB() + "m, at most " + heap
                    + " MiB live after a full collection", "within 1 GiB", NationalScale.maxHeapMiB() <= 1024 && heap < 1024));
            say("%d cases, %d events; targets:", size.cases(), events);
            for (Figure figure : figures) {
                say("| %s | %s | %s | %s |", figure.target(), figure.measured(), figure.goal(), figure.met() ? "met" : "NOT met");
            }
            return new Result(size, events, figures, rebuilds, reads, one, eight, tps, lag, catchUp, heap);
        }
    }

    private static void addRead(List<Figure> figures, Map<String, NationalScale.Latencies> reads, String what,
                                double goalMillis) {
        NationalScale.Latencies latencies = reads.get(what);
        boolean p50Goal = what.equals("dashboard page");
        double value = p50Goal ? latencies.p50() : latencies.p99();
        figures.add(new Figure("4. " + what + (p50Goal ? ", p50" : ", p99"), String.format("%.1f ms", value),
                String.format("< %.0f ms", goalMillis), value < goalMillis));
    }

    private static Map<String, NationalScale.Latencies> reads(RunningApp app, NationalScale scale, int requests,
                                                             double warmUp) {
        Random random = new Random(11);
        int cases = scale.size.cases();
        int provinces = scale.size.provinces();
        Http tester = app.http;
        Http provincial = app.user("tinh-0", NationalScale.provinceCommission(0), null, "STAFF", "VIEWER", "AUDITOR");
        Map<String, NationalScale.Latencies> reads = new LinkedHashMap<>();
        reads.put("case detail", NationalScale.time("case detail", requests, warmUp, i ->
                expect(tester.get("/api/cases/" + NationalScale.caseId(random.nextInt(cases))), 200)));
        reads.put("case history", NationalScale.time("case history", requests, warmUp, i ->
                expect(tester.get("/api/cases/" + NationalScale.caseId(random.nextInt(cases)) + "/history"), 200)));
        reads.put("search, first page", NationalScale.time("search, first page", requests, warmUp, i ->
                expect(tester.get("/api/cases?size=20&q=" + encode(NationalScale.SEARCHES.get(i % NationalScale.SEARCHES.size()))), 200)));
        reads.put("search, first page, province user", NationalScale.time("search, first page, province user", requests, warmUp, i ->
                expect(provincial.get("/api/cases?size=20&q=" + encode(NationalScale.SEARCHES.get(i % NationalScale.SEARCHES.size()))), 200)));
        // deep pages: the cursor of a page five pages in, then the next page through it
        List<String> deep = new ArrayList<>();
        for (String q : NationalScale.SEARCHES) {
            String path = "/api/cases?size=20&q=" + encode(q);
            JsonNode page = expect(tester.get(path), 200).json();
            for (int k = 0; k < 5 && page.hasNonNull("next"); k++) {
                page = expect(tester.get(path + "&after=" + encode(page.get("next").asString())), 200).json();
            }
            deep.add(page.hasNonNull("next") ? path + "&after=" + encode(page.get("next").asString()) : path + "&page=5");
        }
        reads.put("search, deep page", NationalScale.time("search, deep page", requests, warmUp, i ->
                expect(tester.get(deep.get(i % deep.size())), 200)));
        reads.put("statistics, province-year", NationalScale.time("statistics, province-year", requests, warmUp, i ->
                expect(tester.get("/api/committees/" + NationalScale.province(random.nextInt(provinces))
                        + "/statistics?from=2024-01-01&to=2024-12-31&scope=SUBTREE"), 200)));
        reads.put("dashboard page", NationalScale.time("dashboard page", Math.max(10, requests / 5), warmUp, i ->
                expect(tester.get("/ui/committees/" + NationalScale.province(random.nextInt(provinces)), "Accept", "text/html"), 200)));
        // each term's cost, as the national user and as the province's: three calls each after five to warm up
        for (String q : NationalScale.SEARCHES) {
            String path = "/api/cases?size=20&q=" + encode(q);
            JsonNode first = expect(tester.get(path), 200).json();
            NationalScale.Latencies national = NationalScale.time(q, 3, 0, n -> expect(tester.get(path), 200));
            NationalScale.Latencies province = NationalScale.time(q, 3, 0, n -> expect(provincial.get(path), 200));
            say("search %-12s total %d%s: national p50=%.1f ms max=%.1f ms; province user p50=%.1f ms max=%.1f ms",
                    "'" + q + "'", first.get("total").asLong(), first.path("totalIsEstimate").asBoolean() ? " (estimate)" : "",
                    national.p50(), national.max(), province.p50(), province.max());
        }
        return reads;
    }

    private static Http.Response expect(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response);
        }
        return response;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Keeps the store up for psql ({@code -Dbenchmark.hold-seconds}), its JDBC URL printed. */
    private static void hold(RunningApp app, int seconds) throws InterruptedException {
        say("holding the store for %d s: %s (user postgres)", seconds, app.jdbcUrl);
        Thread.sleep(seconds * 1000L);
    }

    private static void say(String format, Object... args) {
        System.out.println("BENCHMARK " + String.format(format, args));
    }
}
