package vn.ubkt.casework.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A node of the product in a JVM of its own, started with the settings {@link RunningApp} gives the nodes it starts
 * in the test's JVM, so that a test can kill it as a machine dies: {@link #kill()} is {@code kill -9} (no shutdown
 * hook runs, its segment claims and connections are left behind). Its port is fixed at the first start, so that a
 * {@link #restart()} comes back where clients look for it, as a restarted machine does.
 */
final class NodeProcess implements AutoCloseable {

    /** Nodes still running when the test's JVM exits are killed with it: none outlives its test. */
    private static final Set<NodeProcess> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(node -> node.process.destroyForcibly())));
    }

    final String name;
    final int port;
    /** The tests' own user ({@link RunningApp#TESTER}) on this node. */
    final Http http;
    final Path log;
    private final List<String> command;
    private volatile Process process;

    private NodeProcess(String name, int port, Path log, List<String> command) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.http = new Http("http://localhost:" + port, RunningApp.TESTER, RunningApp.TESTER_PASSWORD);
    }

    /**
     * Starts {@code main} (a Spring Boot application's class with its {@code main}) on the database, in a JVM with
     * the options {@code jvm} (such as {@code -Xmx512m}) and this JVM's class path; {@code settings} as for
     * {@link RunningApp#startOn}. Answers at once: {@link #awaitReady} waits for it.
     */
    static NodeProcess start(String name, Class<?> main, String jdbcUrl, List<String> jvm, String... settings) {
        int port = freePort();
        List<String> properties = new ArrayList<>(List.of("casework.security.admin-password=" + RunningApp.ADMIN_PASSWORD,
                "server.port=" + port));
        properties.addAll(List.of(settings));
        Path log = createTempFile("casework-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(java("java")));
        command.addAll(jvm);
        // every collection's pause, one file per process (%p: its pid), so that a restart keeps the earlier ones
        command.add("-Xlog:gc:file=" + log.toString().replaceFirst("\\.log$", "") + "-gc-%p.log:time");
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(RunningApp.arguments(jdbcUrl, properties.toArray(String[]::new)));
        NodeProcess node = new NodeProcess(name, port, log, command);
        node.launch();
        return node;
    }

    private static Path createTempFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            RUNNING.add(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node's readiness probe answers 200; fails with the end of its log if it died or took too long. */
    NodeProcess awaitReady(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Http anonymous = http.anonymous();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail(60));
            }
            try {
                if (anonymous.get("/actuator/health/readiness").status() == 200) {
                    return this;
                }
            } catch (UncheckedIOException notListeningYet) {
                // starting
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + atMost + ":\n" + logTail(60));
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: on Linux {@link Process#destroyForcibly()} sends SIGKILL. */
    void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** A graceful stop (SIGTERM): the node finishes its requests and releases its segments, as an operator stops it. */
    void stop() {
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(60))) {
            kill();
        }
    }

    /** Starts the same node again, with the same command line (port, settings, checkpoint file); answers at once. */
    NodeProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        return this;
    }

    private boolean waitForExit(Duration atMost) {
        try {
            boolean exited = process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                RUNNING.remove(this);
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The heap the node holds live, in MiB: a full collection is asked for ({@code jcmd <pid> GC.run}, which is
     * {@code System.gc()}), then the heap in use read from the node's own metrics. What a leak would make grow,
     * without the garbage between collections that makes the heap's plain usage a saw.
     */
    double heapAfterFullGcMiB() {
        try {
            Process gc = new ProcessBuilder(java("jcmd"), String.valueOf(pid()), "GC.run").redirectErrorStream(true).start();
            String said = new String(gc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.run on " + name + ": " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return metric("jvm.memory.used?tag=area:heap") / (1024 * 1024);
    }

    /** One value of the node's Micrometer metrics ({@code /actuator/metrics/{name}?tag=…}, as an ADMIN). */
    double metric(String nameAndTags) {
        Http.Response response = http.get("/actuator/metrics/" + nameAndTags);
        if (response.status() != 200) {
            throw new IllegalStateException(name + " metric " + nameAndTags + ": " + response);
        }
        return response.json().get("measurements").get(0).get("value").asDouble();
    }

    /**
     * One stop of the node's JVM for a collection: when it ended, how long, and whether it was asked for
     * ({@code jcmd GC.run}, {@code System.gc()}).
     */
    record Pause(java.time.Instant at, double millis, boolean requested) {
    }

    private static final Pattern PAUSE = Pattern.compile("^\\[([^]]+)]\\s.*Pause.*\\s([0-9.]+)ms$");
    private static final java.time.format.DateTimeFormatter GC_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** The pauses of every run of the node so far (its JVM's {@code -Xlog:gc}). */
    List<Pause> pauses() {
        String prefix = log.getFileName().toString().replaceFirst("\\.log$", "") + "-gc-";
        List<Pause> pauses = new ArrayList<>();
        try (var files = Files.list(log.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    var matcher = PAUSE.matcher(line);
                    if (matcher.find()) {
                        pauses.add(new Pause(java.time.OffsetDateTime.parse(matcher.group(1), GC_TIME).toInstant(),
                                Double.parseDouble(matcher.group(2)),
                                line.contains("(Diagnostic Command)") || line.contains("(System.gc())")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pauses;
    }

    /** The lines the node logged at ERROR since its first start (its log is kept across restarts). */
    List<String> errorLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> ERROR_LINE.matcher(l).find())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        RUNNING.remove(this);
    }

    private static String java(String tool) {
        Path inJavaHome = Path.of(System.getProperty("java.home"), "bin", tool);
        return Files.isExecutable(inJavaHome) ? inJavaHome.toString() : tool;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + (process == null ? "-" : process.pid()) + ", port " + port + ")";
    }
}
