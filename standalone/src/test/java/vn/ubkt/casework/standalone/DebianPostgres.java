package vn.ubkt.casework.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real PostgreSQL servers started by a test from Debian's server packages ({@code postgresql}, which {@code .ci/run}
 * installs when missing): a primary and its hot standby, and the client programs of the same version ({@code pg_dump},
 * {@code pg_restore}, {@code pg_basebackup}) that the embedded PostgreSQL does not ship. Each server lives in a
 * temporary directory, listens on a free port of the loopback interface only, and is stopped by {@link #stop()}.
 * PostgreSQL refuses to run as root: as root, the servers run as Debian's {@code postgres} user.
 */
final class DebianPostgres {

    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres", "pg_basebackup", "pg_dump",
            "pg_restore");

    /** One server: its data directory, port and log. */
    record Server(Path dataDirectory, int port, Path log) {

        String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        JdbcClient jdbc(String database) {
            return JdbcClient.create(TestDatabase.dataSource(jdbcUrl(database)));
        }

        void execute(String database, String sql) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        void createDatabase(String name) {
            execute("postgres", "create database " + name);
        }

        String logText() {
            try {
                return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Path bin;
    private final Path directory;
    private final List<Server> started = new ArrayList<>();

    private DebianPostgres(Path bin, Path directory) {
        this.bin = bin;
        this.directory = directory;
    }

    /**
     * The newest Debian PostgreSQL whose server and client programs are all installed, with a fresh temporary directory
     * for its servers; fails (never skips) with what to install when there is none.
     */
    static DebianPostgres installed() {
        Path bin = binaries();
        try {
            Path directory = Files.createTempDirectory("casework-debian-pg-");
            if (root()) {
                // the servers run as postgres and keep their data directories, sockets and logs here
                UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
                try {
                    Files.setOwner(directory, users.lookupPrincipalByName("postgres"));
                } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
                    throw new AssertionError("Running as root, Debian's PostgreSQL needs its 'postgres' user, which the "
                            + "postgresql package creates: apt-get install postgresql (.ci/run does)", e);
                }
            }
            DebianPostgres postgres = new DebianPostgres(bin, directory);
            // servers outlive a test JVM that dies before its @AfterAll: stop them with it
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "debian-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The programs' directory, e.g. {@code /usr/lib/postgresql/15/bin}. */
    static Path binaries() {
        List<Path> candidates = List.of();
        if (Files.isDirectory(DEBIAN)) {
            try (Stream<Path> versions = Files.list(DEBIAN)) {
                candidates = versions.map(version -> version.resolve("bin"))
                        .filter(dir -> PROGRAMS.stream().allMatch(program -> Files.isExecutable(dir.resolve(program))))
                        .sorted(Comparator.comparingInt(DebianPostgres::major).reversed())
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (candidates.isEmpty()) {
            throw new AssertionError("This test needs Debian's PostgreSQL server packages (" + String.join(", ", PROGRAMS)
                    + " under " + DEBIAN + "/<version>/bin) and found none: apt-get install postgresql "
                    + "(.ci/run installs it when missing)");
        }
        return candidates.get(0);
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The major version of these programs (15 on Debian 12). */
    int version() {
        return major(bin);
    }

    Path program(String name) {
        return bin.resolve(name);
    }

    /** A primary ready to stream its write-ahead log to standbys: {@code wal_level=replica}. */
    Server startPrimary(String name) {
        Path data = directory.resolve(name);
        run(true, program("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync");
        int port = freePort();
        append(data.resolve("postgresql.conf"), """

                # started by a test (DebianPostgres)
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                max_connections = 300
                wal_level = replica
                max_wal_senders = 5
                hot_standby = on
                fsync = off
                full_page_writes = on
                """.formatted(port, directory));
        return start(new Server(data, port, directory.resolve(name + ".log")));
    }

    /**
     * A hot standby of {@code primary}: a base backup taken with {@code pg_basebackup -R} (which writes the standby's
     * {@code primary_conninfo} and {@code standby.signal}), started on a port of its own, streaming from the primary.
     */
    Server startStandby(Server primary, String name) {
        Path data = directory.resolve(name);
        run(true, program("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(primary.port()),
                "-U", "postgres", "-D", data.toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync");
        int port = freePort();
        append(data.resolve("postgresql.auto.conf"), "\nport = %d\nhot_standby = on\n".formatted(port));
        return start(new Server(data, port, directory.resolve(name + ".log")));
    }

    private Server start(Server server) {
        run(true, program("pg_ctl").toString(), "-D", server.dataDirectory().toString(), "-l", server.log().toString(),
                "-w", "-t", "60", "start");
        started.add(server);
        return server;
    }

    /** Stops one server (fast shutdown), as a machine's database goes away; {@link #restart} brings it back. */
    void stop(Server server) {
        run(true, program("pg_ctl").toString(), "-D", server.dataDirectory().toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts a server stopped by {@link #stop(Server)} again, on its port. */
    void restart(Server server) {
        run(true, program("pg_ctl").toString(), "-D", server.dataDirectory().toString(), "-l", server.log().toString(),
                "-w", "-t", "60", "start");
    }

    /** Stops every server this started (fast shutdown) and removes their directories. */
    synchronized void stop() {
        if (!Files.exists(directory)) {
            return;
        }
        List<Server> newestFirst = new ArrayList<>(started);
        java.util.Collections.reverse(newestFirst);
        for (Server server : newestFirst) {
            try {
                run(true, program("pg_ctl").toString(), "-D", server.dataDirectory().toString(), "-m", "fast", "-w",
                        "stop");
            } catch (AssertionError | RuntimeException e) {
                System.err.println("could not stop the server in " + server.dataDirectory() + ": " + e.getMessage());
            }
        }
        started.clear();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + directory + ": " + e.getMessage());
        }
    }

    /** A file in this helper's directory, readable and writable by the servers' user. */
    Path file(String name) {
        return directory.resolve(name);
    }

    /**
     * Runs a program to its end and answers what it printed; fails with its output when it exits non-zero. A server
     * program ({@code asServer}) runs as {@code postgres} when this process is root.
     */
    String run(boolean asServer, String... command) {
        List<String> line = new ArrayList<>();
        if (asServer && root()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(Arrays.asList(command));
        try {
            Path output = Files.createTempFile("casework-debian-pg-", ".out");
            try {
                Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile())
                        .directory(directory.toFile()).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", line) + " did not finish within 5 minutes");
                }
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", line) + " exited " + process.exitValue() + ":\n" + printed);
                }
                return printed;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
