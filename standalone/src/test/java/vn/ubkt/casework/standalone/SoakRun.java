package vn.ubkt.casework.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/**
 * The soak of issue 14: two nodes of the standalone product (both sides each), processes of their own on one
 * PostgreSQL, under a realistic mix of commands and reads at half the maximum rate the two sustain, for a given time;
 * in the middle one node is killed with {@code kill -9} and started again while the load goes on. Every command a
 * node acknowledged is recorded, with its case, the version it answered and its {@code Idempotency-Key}; at the end
 * each must be in the event store and in the read model, and every projection rebuilt from the store must equal the
 * live tables. Sampled along the way: each node's heap live after a full collection, PostgreSQL's connections, the
 * projection lag (from a command's answer to its case at that version in {@code case_view}), errors.
 *
 * <p>Clients spread their requests over the nodes in turn and fail over as a client behind a plain load balancer
 * would: a request a node does not answer (refused, reset, cut off by the kill) is a connection failure, counted
 * apart, and is sent again to the next node with the same {@code Idempotency-Key}, so that a command the killed node
 * committed but could not answer is answered from its key instead of being done twice. A connection failure of a
 * node that is up, a timeout, a {@code 5xx}, or any answer but the expected one is an error.
 *
 * <p>{@link SoakBenchmark} runs it for 30 minutes (docs/BENCHMARKS.md), {@link SoakIT} for under a minute in every
 * test run so it cannot rot. Lines printed start with {@code SOAK}.
 */
final class SoakRun {

    /** How long and how hard. */
    record Settings(Duration soak, Duration warmUp, Duration maxRateWindow, int maxRateClients, Duration samplePeriod,
                    double killAt, Duration down, List<String> nodeJvm) {

        static Settings fromProperties(Settings defaults) {
            String minutes = System.getProperty("soak.minutes");
            return new Settings(minutes == null ? defaults.soak() : Duration.ofSeconds(Math.round(Double.parseDouble(minutes) * 60)),
                    seconds("soak.warmUpSeconds", defaults.warmUp()), seconds("soak.maxSeconds", defaults.maxRateWindow()),
                    Integer.getInteger("soak.clients", defaults.maxRateClients()),
                    seconds("soak.sampleSeconds", defaults.samplePeriod()),
                    Double.parseDouble(System.getProperty("soak.killAt", String.valueOf(defaults.killAt()))),
                    seconds("soak.downSeconds", defaults.down()), System.getProperty("soak.nodeJvm") == null
                            ? defaults.nodeJvm() : List.of(System.getProperty("soak.nodeJvm").trim().split("\\s+")));
        }

        private static Duration seconds(String property, Duration otherwise) {
            String value = System.getProperty(property);
            return value == null ? otherwise : Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        }
    }

    /** One command a node acknowledged: the case, the version it answered, the key it was sent under. */
    record Ack(String caseId, String step, long version, String key, String node, double at, boolean replayed) {
    }

    /**
     * One sample: the interval's rates, answers' p99, lags (and when the command of the worst was answered), each
     * node's heap, connections and longest collection pause not asked for (and the full collection the sample asked
     * for), and the totals so far.
     */
    record Sample(double at, double load, double commandsPerSecond, double readsPerSecond, double answerP99,
                  NationalScale.Latencies lag, double worstLagAnsweredAt, java.util.Set<String> down,
                  Map<String, Double> heapMiB, Map<String, Double> longestPauseMs, Map<String, Double> forcedGcMs,
                  Map<String, Integer> connections, int allConnections, int backlog, long errors,
                  long connectionFailures) {
    }

    /** The first third's mean against the last third's. */
    record Trend(String what, double firstThird, double lastThird, boolean flat) {
    }

    /** What became of the acknowledged commands at the end. */
    record Verdict(int acknowledged, int cases, List<String> missingFromStore, List<String> notInReadModel,
                   long casesPlannedInStore, long unacknowledgedEvents) {
    }

    record Result(Settings settings, double maxOpsPerSecond, double maxCommandsPerSecond, double targetOpsPerSecond,
                  long commands, long reads, long replayedAfterFailure, long connectionFailures, List<String> errors,
                  long errorCount, NationalScale.Latencies lag, NationalScale.Latencies lagOutsideKill,
                  Map<String, NationalScale.Latencies> latencies, List<Sample> samples, List<Trend> trends,
                  String killedNode, long killedPid, double killedAt, int commandsInFlightAtKill, double restartedAt,
                  long acksByRestartedNode, double soakSeconds,
                  Verdict verdict, Map<String, JsonNode> rebuilds, Map<String, List<String>> nodeErrorLines) {
    }

    /** The steps of the two kinds of case driven, in order: one event each. */
    private static final List<String> PLAIN = List.of("plan", "open", "explanations", "findings", "conclude", "close");
    private static final List<String> DISCIPLINE = List.of("plan", "open", "findings", "conclude", "hearing",
            "discipline-decisions", "close");
    /** The event each step appends, and the status it answers. */
    private static final Map<String, String> EVENT = Map.of("plan", "CasePlanned", "open", "CaseOpened",
            "explanations", "ExplanationRecorded", "findings", "FindingsRecorded", "conclude", "CaseConcluded",
            "hearing", "SubjectHeard", "discipline-decisions", "DisciplineDecided", "close", "CaseClosed");
    private static final Map<String, String> STATUS = Map.of("open", "OPEN", "explanations", "OPEN", "findings", "OPEN",
            "conclude", "CONCLUDED", "hearing", "CONCLUDED", "discipline-decisions", "DECIDED", "close", "CLOSED");
    /** Cases waiting for their next step; below this many, a new case is planned instead. */
    private static final int OPEN_CASES = 40;
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(120);
    /** How long the kill is waited with until the node to kill has a command in flight. */
    private static final Duration AWAIT_IN_FLIGHT = Duration.ofSeconds(10);
    /** After the restart, while the segments move back, the lag belongs to the kill for this long. */
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final Settings settings;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final Map<NodeProcess, Boolean> down = new ConcurrentHashMap<>();
    private final Map<NodeProcess, AtomicInteger> commandsInFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> acknowledgedBy = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger serial = new AtomicInteger();
    private final Queue<Case> ready = new ConcurrentLinkedQueue<>();
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicLong errorCount = new AtomicLong();
    private final AtomicLong connectionFailures = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong commandsDone = new AtomicLong();
    private final AtomicLong readsDone = new AtomicLong();
    private final Map<String, Queue<Double>> latencies = new ConcurrentHashMap<>();
    private final AtomicReference<Queue<Double>> answers = new AtomicReference<>(new ConcurrentLinkedQueue<>());
    /** Cases seen in the read model, with the version seen: what reads of a case ask for. */
    private final Map<String, Long> visible = new ConcurrentHashMap<>();
    private final List<String> visibleIds = java.util.Collections.synchronizedList(new ArrayList<>());
    private final LagProbe probe;
    private final long origin = System.nanoTime();
    /** The open loop runs at least until then ({@link System#nanoTime()}): past the killed node's restart. */
    private volatile long runUntil = Long.MIN_VALUE;

    private SoakRun(Settings settings, String jdbcUrl) {
        this.settings = settings;
        this.probe = new LagProbe(TestDatabase.dataSource(withApplicationName(jdbcUrl, "soak-probe")));
    }

    private double now() {
        return (System.nanoTime() - origin) / 1e9;
    }

    static Result run(Settings settings) throws Exception {
        String jdbcUrl = TestDatabase.newDatabase();
        Path data = Files.createTempDirectory("casework-soak-");
        SoakRun run = new SoakRun(settings, jdbcUrl);
        try {
            return run.run(jdbcUrl, data);
        } finally {
            run.probe.close();
            for (NodeProcess node : run.nodes) {
                node.close();
            }
        }
    }

    private Result run(String jdbcUrl, Path data) throws Exception {
        for (String name : List.of("node-1", "node-2")) {
            // both sides in each node; the content store shared, as two machines share a volume
            nodes.add(NodeProcess.start(name, StandaloneApplication.class, withApplicationName(jdbcUrl, name),
                    settings.nodeJvm(), "casework.data-directory=" + data));
        }
        for (NodeProcess node : nodes) {
            node.awaitReady(Duration.ofMinutes(4));
            down.put(node, false);
            commandsInFlight.put(node, new AtomicInteger());
            acknowledgedBy.put(node.name, new AtomicLong());
            say("%s ready", node);
        }
        NodeProcess first = nodes.get(0);
        RunningApp.provision(first.http, true, true);
        CaseworkScenario.province(first.http, "");
        for (NodeProcess node : nodes) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> node.http.get("/api/committees/CB-THON").status() == 200);
        }
        probe.start();

        if (!settings.warmUp().isZero()) {
            closedLoop(settings.maxRateClients(), settings.warmUp());
            say("warmed up: %s closed loop, %d clients", settings.warmUp(), settings.maxRateClients());
        }
        long commandsBefore = commandsDone.get();
        long opsBefore = commandsBefore + readsDone.get();
        double seconds = closedLoop(settings.maxRateClients(), settings.maxRateWindow());
        double maxOps = (commandsDone.get() + readsDone.get() - opsBefore) / seconds;
        double maxCommands = (commandsDone.get() - commandsBefore) / seconds;
        double target = maxOps / 2;
        say("maximum: %.1f operations/s (%.1f commands/s) from %d clients in a closed loop of %.1f s; soak at %.1f operations/s",
                maxOps, maxCommands, settings.maxRateClients(), seconds, target);

        // ---- the soak
        long commandsAtStart = commandsDone.get();
        long readsAtStart = readsDone.get();
        long failuresAtStart = connectionFailures.get();
        List<Sample> samples = new ArrayList<>();
        Sampler sampler = new Sampler(jdbcUrl);
        // the first sample's interval and the answers' latencies start here, not in the closed loops
        probe.takeInterval();
        answers.set(new ConcurrentLinkedQueue<>());
        latencies.clear();
        double soakStart = now();
        samples.add(sampler.sample(soakStart));
        ScheduledExecutorService timer = java.util.concurrent.Executors.newScheduledThreadPool(2);
        long period = settings.samplePeriod().toMillis();
        // with a fixed delay: a sample slowed down by the machine does not make the next ones come at once
        timer.scheduleWithFixedDelay(() -> {
            try {
                Sample sample = sampler.sample(soakStart);
                synchronized (samples) {
                    samples.add(sample);
                }
                print(sample);
            } catch (RuntimeException e) {
                say("sample failed: %s", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);

        NodeProcess victim = nodes.get(1);
        long victimPid = victim.pid();
        Chaos chaos = new Chaos(victim, soakStart + settings.soak().toMillis() / 1000.0 * settings.killAt());
        chaos.start();
        openLoop(target, settings.soak());
        double soakEnd = now();
        timer.shutdown();
        timer.awaitTermination(2, TimeUnit.MINUTES);
        Sample last = sampler.sample(soakStart);
        samples.add(last);
        print(last);
        chaos.join(Duration.ofMinutes(5).toMillis());
        if (chaos.failed != null) {
            throw new IllegalStateException("the kill and restart failed", chaos.failed);
        }
        probe.drain(Duration.ofSeconds(60));
        double soakSeconds = soakEnd - soakStart;

        // ---- what became of every acknowledged command
        Verdict verdict = verify(jdbcUrl);
        say("acknowledged %d commands on %d cases: %d missing from the event store, %d not in the read model at their"
                        + " version; %d cases planned in the store; %d events nobody acknowledged",
                verdict.acknowledged(), verdict.cases(), verdict.missingFromStore().size(),
                verdict.notInReadModel().size(), verdict.casesPlannedInStore(), verdict.unacknowledgedEvents());

        // a rebuild pauses the processors of the node that runs it only: the other node is stopped first (OPERATIONS.md)
        victim.stop();
        Map<String, JsonNode> rebuilds = new LinkedHashMap<>();
        for (String projection : NationalScale.projections(first.http)) {
            JsonNode rebuild = NationalScale.rebuild(first.http, projection);
            rebuilds.put(projection, rebuild);
            say("rebuild %-16s %s: %d events, agreed=%s, differences=%s", projection, rebuild.get("status").asString(),
                    rebuild.get("events").asLong(), rebuild.get("agreed"), rebuild.get("differences"));
        }
        Map<String, List<String>> nodeErrors = new LinkedHashMap<>();
        for (NodeProcess node : nodes) {
            nodeErrors.put(node.name, node.errorLines());
        }

        List<Double> lags = new ArrayList<>();
        List<Double> lagsOutside = new ArrayList<>();
        for (double[] lag : probe.all) {
            if (lag[0] < soakStart) {
                continue;
            }
            lags.add(lag[1]);
            // outside: seen in the read model before the kill, or answered once the segments had settled after it
            if (lag[0] + lag[1] / 1000 < chaos.killedAt || lag[0] > chaos.readyAt + SETTLE.toSeconds()) {
                lagsOutside.add(lag[1]);
            }
        }
        Map<String, NationalScale.Latencies> byKind = new LinkedHashMap<>();
        latencies.forEach((kind, millis) -> byKind.put(kind, NationalScale.Latencies.of(kind, new ArrayList<>(millis))));
        long acksAfterRestart = acks.stream().filter(a -> a.node().equals(victim.name) && a.at() > chaos.readyAt).count();
        Result result = new Result(settings, maxOps, maxCommands, target, commandsDone.get() - commandsAtStart,
                readsDone.get() - readsAtStart, replayed.get(), connectionFailures.get() - failuresAtStart,
                List.copyOf(errors), errorCount.get(), NationalScale.Latencies.of("lag", lags),
                NationalScale.Latencies.of("lag outside the kill", lagsOutside), byKind, List.copyOf(samples),
                trends(samples, soakSeconds), victim.name, victimPid, chaos.killedAt - soakStart, chaos.inFlightAtKill,
                chaos.readyAt - soakStart, acksAfterRestart, soakSeconds, verdict, rebuilds, nodeErrors);
        report(result);
        return result;
    }

    /**
     * Kills the node with {@code kill -9} once the time has come and it has a command in flight (or after
     * {@link #AWAIT_IN_FLIGHT}), starts it again after {@link Settings#down()}, and keeps the load going until a sample
     * period after it is ready again and it has acknowledged a few commands (or a minute has passed).
     */
    private final class Chaos extends Thread {
        private final NodeProcess victim;
        private final double at;
        volatile double killedAt = Double.NaN;
        volatile double readyAt = Double.NaN;
        volatile int inFlightAtKill;
        volatile Throwable failed;

        Chaos(NodeProcess victim, double at) {
            super("soak-chaos");
            this.victim = victim;
            this.at = at;
        }

        @Override
        public void run() {
            try {
                sleepUntil(at);
                runUntil = Long.MAX_VALUE;
                long waitUntil = System.nanoTime() + AWAIT_IN_FLIGHT.toNanos();
                while (commandsInFlight.get(victim).get() == 0 && System.nanoTime() < waitUntil) {
                    LockSupport.parkNanos(200_000);
                }
                down.put(victim, true);
                inFlightAtKill = commandsInFlight.get(victim).get();
                killedAt = now();
                victim.kill();
                say("kill -9 %s with %d command(s) in flight", victim, inFlightAtKill);
                Thread.sleep(settings.down().toMillis());
                victim.restart();
                victim.awaitReady(Duration.ofMinutes(4));
                readyAt = now();
                long acknowledgedBefore = acknowledgedBy.get(victim.name).get();
                down.put(victim, false);
                say("%s started again and ready, %.1f s after the kill", victim, readyAt - killedAt);
                long atLeast = System.nanoTime() + settings.samplePeriod().toNanos();
                long atMost = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (acknowledgedBy.get(victim.name).get() - acknowledgedBefore < 3 && System.nanoTime() < atMost) {
                    Thread.sleep(100);
                }
                runUntil = Math.max(atLeast, System.nanoTime());
            } catch (Throwable e) {
                failed = e;
                runUntil = Long.MIN_VALUE;
            }
        }
    }

    // ---------------------------------------------------------------- load

    /** {@code clients} clients, each sending its next operation when the last is answered. Answers the seconds taken. */
    private double closedLoop(int clients, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    operate();
                }
            }, "soak-client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Operations started at a fixed rate whatever the answers' pace (an open loop: a slow answer does not slow the
     * arrivals, as users do not wait for each other), each on a pool thread.
     */
    private void openLoop(double perSecond, Duration duration) throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(64, 64, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        this.pool = pool;
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long next = start; next < end || next < runUntil; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pool.execute(this::operate);
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            error("operations still running 5 minutes after the soak ended: " + pool.getActiveCount());
            pool.shutdownNow();
        }
    }

    private volatile ThreadPoolExecutor pool;

    /** One operation of the mix: half commands, then case details, searches and statistics. */
    private void operate() {
        int dice = ThreadLocalRandom.current().nextInt(100);
        try {
            if (dice < 50) {
                command();
            } else if (dice < 75 && !visibleIds.isEmpty()) {
                caseDetail();
            } else if (dice < 90) {
                search();
            } else {
                statistics();
            }
        } catch (RuntimeException e) {
            error("operation failed: " + e);
        }
    }

    /** A case being driven, one step at a time. */
    private static final class Case {
        final int n;
        final List<String> steps;
        final String subjectName;
        String id;
        int next;

        Case(int n, boolean discipline, String subjectName) {
            this.n = n;
            this.steps = discipline ? DISCIPLINE : PLAIN;
            this.subjectName = subjectName;
        }
    }

    private void command() {
        Case c = ready.size() >= OPEN_CASES ? ready.poll() : null;
        if (c == null) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            c = new Case(serial.incrementAndGet(), random.nextInt(10) < 3, NationalScale.name(new java.util.Random(random.nextLong())));
        }
        Case theCase = c;
        String step = c.steps.get(c.next);
        String key = "soak-" + c.n + "-" + c.next;
        String body = body(c, step);
        long t0 = System.nanoTime();
        Answer answer = send(true, http -> step.equals("plan")
                ? http.post("/api/cases", body, "Idempotency-Key", key)
                : http.post("/api/cases/" + theCase.id + "/" + step, body, "Idempotency-Key", key));
        if (answer == null) {
            return;
        }
        Http.Response response = answer.response();
        int expected = step.equals("plan") ? 201 : 200;
        if (response.status() != expected) {
            error(step + " of case " + c.n + " (" + c.id + ") through " + answer.node().name + ": " + response);
            return;
        }
        JsonNode json = response.json();
        long version = json.get("version").asLong();
        if (step.equals("plan")) {
            c.id = json.get("id").asString();
        } else if (!json.get("status").asString().equals(STATUS.get(step))) {
            error(step + " of " + c.id + " answered status " + json.get("status") + ", not " + STATUS.get(step));
            return;
        }
        if (version != c.next) {
            error(step + " of " + c.id + " answered version " + version + ", not " + c.next);
            return;
        }
        double at = now();
        boolean replay = "true".equals(response.header("Idempotent-Replayed"));
        if (replay) {
            replayed.incrementAndGet();
        }
        acks.add(new Ack(c.id, step, version, key, answer.node().name, at, replay));
        acknowledgedBy.get(answer.node().name).incrementAndGet();
        latency("command", t0);
        commandsDone.incrementAndGet();
        probe.expect(c.id, version, System.nanoTime());
        c.next++;
        if (c.next < c.steps.size()) {
            ready.add(c);
        }
    }

    private void caseDetail() {
        String id = visibleIds.get(ThreadLocalRandom.current().nextInt(visibleIds.size()));
        long seen = visible.get(id);
        long t0 = System.nanoTime();
        Answer answer = send(false, http -> http.get("/api/cases/" + id));
        if (answer == null) {
            return;
        }
        if (answer.response().status() != 200) {
            error("case detail " + id + " through " + answer.node().name + ": " + answer.response());
        } else if (answer.response().json().get("version").asLong() < seen) {
            error("case detail " + id + " through " + answer.node().name + " went back to version "
                    + answer.response().json().get("version") + " after " + seen);
        } else {
            read("case detail", t0);
        }
    }

    private void search() {
        String q = NationalScale.SEARCHES.get(ThreadLocalRandom.current().nextInt(NationalScale.SEARCHES.size()));
        long t0 = System.nanoTime();
        Answer answer = send(false, http -> http.get("/api/cases?size=20&q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)));
        if (answer == null) {
            return;
        }
        if (answer.response().status() != 200) {
            error("search " + q + " through " + answer.node().name + ": " + answer.response());
        } else {
            read("search", t0);
        }
    }

    private void statistics() {
        long t0 = System.nanoTime();
        Answer answer = send(false, http -> http.get("/api/committees/TU/statistics?from=2026-01-01&to=2026-12-31&scope=SUBTREE"));
        if (answer == null) {
            return;
        }
        if (answer.response().status() != 200) {
            error("statistics through " + answer.node().name + ": " + answer.response());
        } else {
            read("statistics", t0);
        }
    }

    private void read(String kind, long t0) {
        latency(kind, t0);
        readsDone.incrementAndGet();
    }

    private void latency(String kind, long t0) {
        double millis = (System.nanoTime() - t0) / 1e6;
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(millis);
        answers.get().add(millis);
    }

    private record Answer(Http.Response response, NodeProcess node) {
    }

    /**
     * Sends a request to the next node in turn; when the node does not answer, to the next one, the same request
     * (same key) — until one answers or {@link #FAILOVER_LIMIT} passes. Answers null after an error.
     */
    private Answer send(boolean command, Function<Http, Http.Response> request) {
        int first = Math.floorMod(turn.getAndIncrement(), nodes.size());
        long deadline = System.nanoTime() + FAILOVER_LIMIT.toNanos();
        for (int attempt = 0; ; attempt++) {
            NodeProcess node = nodes.get((first + attempt) % nodes.size());
            AtomicInteger inFlight = command ? commandsInFlight.get(node) : new AtomicInteger();
            inFlight.incrementAndGet();
            try {
                return new Answer(request.apply(node.http), node);
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof HttpTimeoutException) {
                    error("no answer from " + node.name + " within the client's timeout: " + e.getCause());
                } else if (Boolean.TRUE.equals(down.get(node))) {
                    connectionFailures.incrementAndGet();
                } else {
                    error("connection to " + node.name + ", which is up, failed: " + e.getCause());
                }
                if (System.nanoTime() > deadline) {
                    error("no node answered for " + FAILOVER_LIMIT);
                    return null;
                }
                if (attempt % nodes.size() == nodes.size() - 1) {
                    sleepMillis(200);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private void error(String what) {
        if (errorCount.incrementAndGet() <= 100) {
            errors.add(String.format("%.1f s: %s", now(), what));
            say("ERROR %s", what);
        }
    }

    private static String body(Case c, String step) {
        int n = c.n;
        return switch (step) {
            case "plan" -> """
                    {"type": "INSPECTION_SIGNS_OF_VIOLATION", "committeeId": "UBKT-TU",
                     "subject": %s,
                     "content": "Kiểm tra khi có dấu hiệu vi phạm đối với đồng chí %s", "planRef": "KH %d-KH/UBKTTU",
                     "plannedOn": "2026-01-05", "plannedFrom": "2026-01-06", "plannedTo": "2026-06-30"}"""
                    .formatted(CaseworkScenario.ordinaryMember("SOAK-" + n, c.subjectName, "OFFICIAL", "CB-THON"),
                            c.subjectName, n);
            case "open" -> CaseworkScenario.openBody("2026-01-10", "QĐ " + n + "-QĐ/UBKTTU");
            case "explanations" -> """
                    {"submittedOn": "2026-01-20", "summary": "Giải trình của đảng viên về nội dung kiểm tra"}""";
            case "findings" -> """
                    {"recordedOn": "2026-01-25", "summary": "Tổ kiểm tra xác minh nội dung",
                     "evidence": [{"ref": "Biên bản xác minh số %d"}]}""".formatted(n);
            case "conclude" -> c.steps == DISCIPLINE ? """
                    {"concludedOn": "2026-02-01", "conclusionRef": "TB %d-TB/UBKTTU", "outcome": "VIOLATION",
                     "violationCategories": ["FORBIDDEN_CONDUCT"], "violationFrom": "2025-01-01", "violationTo": "2025-06-30",
                     "disciplineWarranted": true, "summary": "Vi phạm đến mức phải xem xét thi hành kỷ luật"}"""
                    .formatted(n) : """
                    {"concludedOn": "2026-02-01", "conclusionRef": "TB %d-TB/UBKTTU", "outcome": "SHORTCOMING",
                     "violationCategories": [], "disciplineWarranted": false, "summary": "Có khuyết điểm"}""".formatted(n);
            case "hearing" -> """
                    {"heardOn": "2026-02-05", "statement": "Tôi nhận khuyết điểm, vi phạm và nghiêm túc kiểm điểm"}""";
            case "discipline-decisions" -> """
                    {"decidedOn": "2026-02-10", "decidingCommitteeId": "UBKT-TU", "decisionRef": "QĐ %d-QĐ/KL",
                     "eligibleVoters": 11, "ballot": {"REPRIMAND": 9, "NONE": 2}, "announcedOn": "2026-02-12",
                     "effectiveOn": "2026-02-12"}""".formatted(n);
            case "close" -> """
                    {"closedOn": "2026-02-20"}""";
            default -> throw new IllegalArgumentException(step);
        };
    }

    // ---------------------------------------------------------------- lag

    /**
     * Polls {@code case_view} for the cases of the commands answered but not seen yet; the time from a command's
     * answer to its case at that version in the read model is its lag.
     */
    private final class LagProbe {
        private final DataSource dataSource;
        private final Map<String, Queue<long[]>> pending = new ConcurrentHashMap<>();
        /** (answered at, seconds since the start; lag, ms) of every command seen. */
        final Queue<double[]> all = new ConcurrentLinkedQueue<>();
        /** (answered at, lag) of the commands seen since the last sample. */
        private final AtomicReference<Queue<double[]>> interval = new AtomicReference<>(new ConcurrentLinkedQueue<>());
        private volatile boolean running = true;
        private Thread thread;

        LagProbe(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        void expect(String caseId, long version, long answeredAt) {
            pending.computeIfAbsent(caseId, id -> new ConcurrentLinkedQueue<>()).add(new long[] {version, answeredAt});
        }

        int pending() {
            return pending.values().stream().mapToInt(Queue::size).sum();
        }

        /** The lags seen since the last call. */
        List<double[]> takeInterval() {
            return new ArrayList<>(interval.getAndSet(new ConcurrentLinkedQueue<>()));
        }

        void start() {
            thread = new Thread(this::poll, "soak-lag-probe");
            thread.setDaemon(true);
            thread.start();
        }

        private void poll() {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("select id, version from case_view where id = any(?)")) {
                while (running) {
                    if (pending.isEmpty()) {
                        sleepMillis(5);
                        continue;
                    }
                    String[] ids = pending.keySet().stream().limit(1000).toArray(String[]::new);
                    Array array = connection.createArrayOf("varchar", ids);
                    select.setArray(1, array);
                    try (ResultSet rows = select.executeQuery()) {
                        long seenAt = System.nanoTime();
                        while (rows.next()) {
                            seen(rows.getString(1), rows.getLong(2), seenAt);
                        }
                    }
                    sleepMillis(5);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    error("lag probe: " + e);
                }
            }
        }

        private void seen(String caseId, long version, long seenAt) {
            Queue<long[]> waiting = pending.get(caseId);
            if (waiting == null) {
                return;
            }
            waiting.removeIf(command -> {
                if (command[0] > version) {
                    return false;
                }
                double[] answeredAndLag = {(command[1] - origin) / 1e9, (seenAt - command[1]) / 1e6};
                all.add(answeredAndLag);
                interval.get().add(answeredAndLag);
                return true;
            });
            pending.computeIfPresent(caseId, (id, queue) -> queue.isEmpty() ? null : queue);
            if (visible.put(caseId, version) == null) {
                visibleIds.add(caseId);
            }
        }

        /** Waits until every answered command was seen; those never seen are listed by {@link #verify}. */
        void drain(Duration atMost) {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                sleepMillis(50);
            }
            say("lag probe drained: %d commands not seen in the read model", pending());
        }

        void close() {
            running = false;
        }
    }

    // ---------------------------------------------------------------- samples

    private final class Sampler {
        private final DataSource dataSource;
        private long commands;
        private long reads;
        private double last = Double.NaN;
        private java.time.Instant lastAt = java.time.Instant.now();

        Sampler(String jdbcUrl) {
            this.dataSource = TestDatabase.dataSource(withApplicationName(jdbcUrl, "soak-sampler"));
        }

        synchronized Sample sample(double soakStart) {
            double at = now();
            long c = commandsDone.get();
            long r = readsDone.get();
            double seconds = Double.isNaN(last) ? Double.NaN : at - last;
            double commandsPerSecond = Double.isNaN(seconds) ? Double.NaN : (c - commands) / seconds;
            double readsPerSecond = Double.isNaN(seconds) ? Double.NaN : (r - reads) / seconds;
            commands = c;
            reads = r;
            last = at;
            List<double[]> lags = probe.takeInterval();
            List<Double> answered = new ArrayList<>(answers.getAndSet(new ConcurrentLinkedQueue<>()));
            Map<String, Double> heap = new LinkedHashMap<>();
            java.util.Set<String> downNow = new java.util.TreeSet<>();
            for (NodeProcess node : nodes) {
                double mib = Double.NaN;
                if (Boolean.TRUE.equals(down.get(node))) {
                    downNow.add(node.name);
                } else {
                    try {
                        mib = node.heapAfterFullGcMiB();
                    } catch (RuntimeException e) {
                        if (!Boolean.TRUE.equals(down.get(node))) {
                            say("heap of %s not read: %s", node.name, e);
                        }
                    }
                }
                heap.put(node.name, mib);
            }
            java.time.Instant from = lastAt;
            lastAt = java.time.Instant.now();
            Map<String, Double> longest = new LinkedHashMap<>();
            Map<String, Double> forced = new LinkedHashMap<>();
            for (NodeProcess node : nodes) {
                List<NodeProcess.Pause> pauses = node.pauses().stream().filter(p -> p.at().isAfter(from)).toList();
                longest.put(node.name, pauses.stream().filter(p -> !p.requested()).mapToDouble(NodeProcess.Pause::millis)
                        .max().orElse(0));
                forced.put(node.name, pauses.stream().filter(NodeProcess.Pause::requested)
                        .mapToDouble(NodeProcess.Pause::millis).max().orElse(Double.NaN));
            }
            Map<String, Integer> connections = new LinkedHashMap<>();
            nodes.forEach(node -> connections.put(node.name, 0));
            int all = 0;
            try (Connection connection = dataSource.getConnection();
                 ResultSet rows = connection.createStatement().executeQuery("""
                         select application_name, count(*) from pg_stat_activity
                         where datname = current_database() group by 1""")) {
                while (rows.next()) {
                    if (connections.containsKey(rows.getString(1))) {
                        connections.put(rows.getString(1), rows.getInt(2));
                    }
                    all += rows.getInt(2);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            ThreadPoolExecutor running = pool;
            double[] worst = lags.stream().max(java.util.Comparator.comparingDouble(l -> l[1])).orElse(null);
            return new Sample(at - soakStart, loadAverage(), commandsPerSecond, readsPerSecond,
                    NationalScale.Latencies.of("answers", answered).p99(),
                    NationalScale.Latencies.of("lag", lags.stream().map(l -> l[1]).toList()),
                    worst == null ? Double.NaN : worst[0] - soakStart, downNow, heap, longest, forced, connections, all,
                    running == null ? 0 : running.getQueue().size() + running.getActiveCount(), errorCount.get(),
                    connectionFailures.get());
        }
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Each node's heap and connections, and all connections, first third against last third of the soak. */
    private List<Trend> trends(List<Sample> samples, double soakSeconds) {
        List<Trend> trends = new ArrayList<>();
        for (NodeProcess node : nodes) {
            trends.add(trend("heap after full GC, " + node.name + " (MiB)", samples, soakSeconds,
                    s -> s.heapMiB().get(node.name), 16));
        }
        for (NodeProcess node : nodes) {
            trends.add(trend("connections, " + node.name, samples, soakSeconds,
                    s -> s.down().contains(node.name) ? Double.NaN : (double) s.connections().get(node.name), 2));
        }
        trends.add(trend("connections, all", samples, soakSeconds,
                s -> s.down().isEmpty() ? (double) s.allConnections() : Double.NaN, 2));
        return trends;
    }

    /**
     * Flat: the last third's mean at most 10% above the first third's, or at most {@code slack} above it (small
     * figures). Samples taken while a node was down count for neither.
     */
    private static Trend trend(String what, List<Sample> samples, double soakSeconds, Function<Sample, Double> value,
                               double slack) {
        double first = mean(samples.stream().filter(s -> s.at() < soakSeconds / 3).map(value).toList());
        double last = mean(samples.stream().filter(s -> s.at() >= 2 * soakSeconds / 3).map(value).toList());
        return new Trend(what, first, last, last <= Math.max(first * 1.10, first + slack));
    }

    private static double mean(List<Double> values) {
        return values.stream().filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
    }

    // ---------------------------------------------------------------- the end

    /**
     * Every acknowledged command's event is in the store at the version it answered, of the type its step appends;
     * each case is planned once; once the processors have caught up, each case is in the read model at the last version
     * acknowledged.
     */
    private Verdict verify(String jdbcUrl) throws SQLException {
        DataSource dataSource = TestDatabase.dataSource(withApplicationName(jdbcUrl, "soak-verify"));
        Map<String, Map<Long, String>> store = new HashMap<>();
        long planned = 0;
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("""
                     select aggregate_identifier, sequence_number, payload_type from domain_event_entry
                     where payload_type like 'vn.ubkt.casework.events.cases.%'""")) {
            while (rows.next()) {
                String type = rows.getString(3).substring(rows.getString(3).lastIndexOf('.') + 1);
                store.computeIfAbsent(rows.getString(1), id -> new HashMap<>()).put(rows.getLong(2), type);
                if (type.equals("CasePlanned")) {
                    planned++;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        Map<String, Long> lastAcked = new HashMap<>();
        int count = 0;
        for (Ack ack : acks) {
            count++;
            lastAcked.merge(ack.caseId(), ack.version(), Math::max);
            String found = store.getOrDefault(ack.caseId(), Map.of()).get(ack.version());
            if (!EVENT.get(ack.step()).equals(found)) {
                missing.add(ack + ": found " + found);
            }
        }
        long unacknowledged = store.entrySet().stream().mapToLong(e -> e.getValue().keySet().stream()
                .filter(seq -> seq > lastAcked.getOrDefault(e.getKey(), -1L)).count()).sum();

        awaitProjectionsCaughtUp(dataSource);
        List<String> notInReadModel = new ArrayList<>();
        Map<String, Long> readModel = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select id, version from case_view")) {
            while (rows.next()) {
                readModel.put(rows.getString(1), rows.getLong(2));
            }
        }
        lastAcked.forEach((id, version) -> {
            Long projected = readModel.get(id);
            if (projected == null || projected != version.longValue()) {
                notInReadModel.add(id + " acknowledged at version " + version + ", read model " + projected);
            }
        });
        return new Verdict(count, lastAcked.size(), missing, notInReadModel, planned, unacknowledged);
    }

    /** Every segment of every processor at the store's head (read from the tokens: any node may hold a segment). */
    private void awaitProjectionsCaughtUp(DataSource dataSource) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Connection connection = dataSource.getConnection();
                 ResultSet head = connection.createStatement().executeQuery(
                         "select coalesce(max(global_index), -1) from domain_event_entry");
                 ResultSet tokens = connection.createStatement().executeQuery(
                         "select processor_name, segment, convert_from(token, 'UTF8') from token_entry")) {
                head.next();
                long top = head.getLong(1);
                boolean all = true;
                while (tokens.next()) {
                    String token = tokens.getString(3);
                    JsonNode json = token == null ? null : Http.JSON.readTree(token);
                    JsonNode current = json == null ? null : json.has("currentToken") ? json.get("currentToken") : json;
                    long index = current == null || !current.has("index") ? -1 : current.get("index").asLong();
                    all &= index >= top;
                }
                return all;
            }
        });
    }

    // ---------------------------------------------------------------- printing

    private void print(Sample s) {
        say("sample %7.0f s  load %5.1f  commands/s %6.1f  reads/s %6.1f  answers p99 %6.1f ms  lag p50 %7.1f p99 %8.1f"
                        + " max %8.1f ms (answered at %.0f s)  heap %s  GC pause %s (forced %s)  connections %s all %d"
                        + "  backlog %d  errors %d  connection failures %d", s.at(), s.load(), s.commandsPerSecond(),
                s.readsPerSecond(), s.answerP99(), s.lag().p50(), s.lag().p99(), s.lag().max(), s.worstLagAnsweredAt(),
                format(s.heapMiB(), s.down()), format(s.longestPauseMs(), s.down()), format(s.forcedGcMs(), s.down()),
                s.connections(), s.allConnections(), s.backlog(), s.errors(), s.connectionFailures());
    }

    /** One value per node, in the nodes' order: {@code 64 / down}. */
    private static String cells(Map<String, Double> values, java.util.Set<String> down) {
        return String.join(" / ", values.entrySet().stream().map(e -> down.contains(e.getKey()) || e.getValue().isNaN()
                ? "down" : String.format("%.0f", e.getValue())).toList());
    }

    private static String format(Map<String, Double> values, java.util.Set<String> down) {
        StringBuilder text = new StringBuilder();
        values.forEach((node, value) -> text.append(text.length() == 0 ? "" : " ").append(node).append('=')
                .append(down.contains(node) || value.isNaN() ? "down" : String.format("%.0f", value)));
        return text.toString();
    }

    private static void report(Result r) {
        say("");
        say("Soak: %.0f s at %.1f operations/s (half of %.1f; commands %.1f/s at most), nodes %s", r.soakSeconds(),
                r.targetOpsPerSecond(), r.maxOpsPerSecond(), r.maxCommandsPerSecond(), r.settings().nodeJvm());
        String nodes = String.join(" / ", r.samples().get(0).heapMiB().keySet());
        say("| at (s) | load | commands/s | reads/s | answers p99 (ms) | lag p50 (ms) | lag p99 (ms) | lag max (ms)"
                + " | heap after full GC (MiB), %s | longest GC pause (ms) | forced full GC (ms) | connections (all)"
                + " | errors | connection failures |", nodes);
        say("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|---:|---:|");
        for (Sample s : r.samples()) {
            say("| %.0f | %.1f | %.1f | %.1f | %.0f | %.1f | %.1f | %.1f | %s | %s | %s | %s (%d) | %d | %d |", s.at(),
                    s.load(), s.commandsPerSecond(), s.readsPerSecond(), s.answerP99(), s.lag().p50(), s.lag().p99(),
                    s.lag().max(), cells(s.heapMiB(), s.down()), cells(s.longestPauseMs(), s.down()),
                    cells(s.forcedGcMs(), s.down()), String.join(" / ", s.connections().values().stream()
                            .map(String::valueOf).toList()), s.allConnections(), s.errors(), s.connectionFailures());
        }
        say("");
        for (Trend t : r.trends()) {
            say("trend %-40s first third %8.1f  last third %8.1f  %s", t.what(), t.firstThird(), t.lastThird(),
                    t.flat() ? "flat" : "NOT flat");
        }
        say("commands %d, reads %d; connection failures %d (retried on the other node), answered from their key after a"
                + " failure %d; errors %d", r.commands(), r.reads(), r.connectionFailures(), r.replayedAfterFailure(),
                r.errorCount());
        r.errors().forEach(e -> say("  error %s", e));
        say("lag: %d commands, p50 %.1f ms, p99 %.1f ms, max %.1f ms; outside the kill's window: p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms", r.lag().count(), r.lag().p50(), r.lag().p99(), r.lag().max(),
                r.lagOutsideKill().p50(), r.lagOutsideKill().p99(), r.lagOutsideKill().max());
        r.latencies().values().forEach(l -> say("latency %-12s n=%d p50 %.1f ms p99 %.1f ms max %.1f ms", l.what(),
                l.count(), l.p50(), l.p99(), l.max()));
        say("kill -9 of %s (pid %d) at %.1f s with %d command(s) in flight, ready again at %.1f s; %d commands"
                        + " acknowledged by it afterwards", r.killedNode(), r.killedPid(), r.killedAt(),
                r.commandsInFlightAtKill(), r.restartedAt(), r.acksByRestartedNode());
        Verdict v = r.verdict();
        say("acknowledged %d commands on %d cases; missing from the store %d; not in the read model %d; cases planned in"
                        + " the store %d; events not acknowledged %d", v.acknowledged(), v.cases(), v.missingFromStore().size(),
                v.notInReadModel().size(), v.casesPlannedInStore(), v.unacknowledgedEvents());
        v.missingFromStore().stream().limit(20).forEach(m -> say("  missing %s", m));
        v.notInReadModel().stream().limit(20).forEach(m -> say("  not in the read model %s", m));
        r.nodeErrorLines().forEach((node, lines) -> {
            say("%s logged %d ERROR lines", node, lines.size());
            lines.stream().limit(10).forEach(line -> say("  %s", line));
        });
    }

    // ---------------------------------------------------------------- helpers

    /** The node's connections are told apart in {@code pg_stat_activity} by their application name. */
    static String withApplicationName(String jdbcUrl, String name) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + name;
    }

    private void sleepUntil(double at) throws InterruptedException {
        double wait = at - now();
        if (wait > 0) {
            Thread.sleep((long) (wait * 1000));
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String format, Object... args) {
        System.out.println("SOAK " + java.time.LocalTime.now().withNano(0) + " " + String.format(format, args));
    }
}
