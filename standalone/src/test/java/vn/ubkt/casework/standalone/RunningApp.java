package vn.ubkt.casework.standalone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An application started on a random port against a given database, as a user would run it. */
final class RunningApp implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final Http http;
    final String jdbcUrl;

    /** The first-start administrator's password in tests (API.md "First start"). */
    static final String ADMIN_PASSWORD = "first-start-admin-password";
    /** The tests' own user: every role, bound to the Central Committee of {@link #CENTRAL}. */
    static final String TESTER = "tester";
    static final String TESTER_PASSWORD = "tester-password-123";
    /** The Central Committee the tester is bound to, registered at start: the whole party is its jurisdiction. */
    static final String CENTRAL = "TEST-TW";
    /** The tests' master key (API.md "The denouncer's identity"), unless a test gives its own. */
    static final String MASTER_KEY = "3YafMFC/yNsHLlZDObXa8jIKNYhDrqEGPHsOLr7cQsY=";

    /** The tests' checkpoint signing key (API.md "Integrity of the record"): one per test JVM, kept across restarts. */
    static final vn.ubkt.casework.query.integrity.NoteKey SIGNING_KEY =
            vn.ubkt.casework.query.integrity.NoteKey.generate("casework.test/event-log");

    private RunningApp(ConfigurableApplicationContext context, String jdbcUrl) {
        this.context = context;
        this.jdbcUrl = jdbcUrl;
        this.http = new Http(base(context), TESTER, TESTER_PASSWORD);
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** The first-start administrator. */
    Http admin() {
        return http.as("admin", ADMIN_PASSWORD);
    }

    /** Creates a user through the users API, as an administrator does. */
    Http user(String username, String committeeId, String memberId, String... roles) {
        String password = username + "-password-123";
        createUser(admin(), username, password, committeeId, memberId, roles);
        return http.as(username, password);
    }

    private static void createUser(Http admin, String username, String password, String committeeId, String memberId,
                                   String... roles) {
        Http.Response created = admin.post("/api/users", """
                {"username": "%s", "fullName": "%s", "password": "%s", "roles": [%s], "committeeId": "%s"%s}"""
                .formatted(username, "Người dùng " + username, password,
                        String.join(", ", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()), committeeId,
                        memberId == null ? "" : ", \"memberId\": \"" + memberId + "\""));
        if (created.status() != 201) {
            throw new IllegalStateException("user " + username + ": " + created);
        }
    }

    /** The tests' own user with every role, and the Central Committee it is bound to (on a side that has the tree). */
    private RunningApp provisioned(boolean tree) {
        provision(http, tree, tree && context.containsBean("committeeTree"));
        return this;
    }

    /**
     * Provisions the tests' own user through the API of a running product, {@code tester} being that user's client
     * on it: the Central Committee it is bound to (where the tree is kept), then the user, then (where the query side
     * runs) waits until the tree holds the central node, from which the tester's jurisdiction is read.
     */
    static void provision(Http tester, boolean tree, boolean awaitTree) {
        Http admin = tester.as("admin", ADMIN_PASSWORD);
        if (tree) {
            Http.Response central = admin.post("/api/committees", """
                    {"id": "%s", "name": "Ban Chấp hành Trung ương (kiểm thử)", "kind": "CENTRAL_COMMITTEE", "level": "CENTRAL"}"""
                    .formatted(CENTRAL));
            if (central.status() != 201) {
                throw new IllegalStateException("central committee: " + central);
            }
        }
        createUser(admin, TESTER, TESTER_PASSWORD, CENTRAL, null, "ADMIN", "STAFF", "AUDITOR", "VIEWER", "CUSTODIAN");
        if (awaitTree) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> tester.get("/api/committees/" + CENTRAL).status() == 200);
        }
    }

    /** Starts the standalone product on a fresh database of the shared test server. */
    static RunningApp start(String... properties) {
        return startOn(TestDatabase.newDatabase(), new SpringApplicationBuilder(StandaloneApplication.class), properties)
                .provisioned(true);
    }

    /** Like {@link #start}, without the tests' own user and node: the product exactly as first started. */
    static RunningApp startBare(String... properties) {
        return startOn(TestDatabase.newDatabase(), new SpringApplicationBuilder(StandaloneApplication.class), properties);
    }

    /**
     * Starts an application (built as its own {@code main} builds it) on a database; the settings are given
     * as command-line arguments, which win over the application's own properties files.
     */
    static RunningApp startOn(String jdbcUrl, SpringApplicationBuilder application, String... properties) {
        List<String> all = new ArrayList<>(List.of("casework.security.admin-password=" + ADMIN_PASSWORD));
        all.addAll(List.of(properties));
        return startWithout(jdbcUrl, application, all.toArray(String[]::new));
    }

    /** The product as first started with nothing configured: the first-start admin gets a random password. */
    static RunningApp startFirstTime() {
        return startWithout(TestDatabase.newDatabase(), new SpringApplicationBuilder(StandaloneApplication.class));
    }

    private static RunningApp startWithout(String jdbcUrl, SpringApplicationBuilder application, String... properties) {
        return new RunningApp(application.run(arguments(jdbcUrl, properties).toArray(String[]::new)), jdbcUrl);
    }

    /**
     * The command line every test application is started with on a database (in this JVM or in one of its own,
     * {@link NodeProcess}): a random port, the database, quiet logs, the tests' master and signing keys, a checkpoint
     * file of its own; then {@code properties}, which replace any of these they name.
     */
    static List<String> arguments(String jdbcUrl, String... properties) {
        // a setting given twice on the command line would be read as both values joined: the test's wins instead
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.datasource.url", jdbcUrl);
        all.put("spring.datasource.username", "postgres");
        all.put("spring.datasource.password", "");
        all.put("logging.level.root", "WARN");
        // a rebuild's one line: how long its replay, indexes, catching up and comparison took
        all.put("logging.level.vn.ubkt.casework.query.admin.ProjectionAdmin", "INFO");
        all.put("casework.security.master-key", MASTER_KEY);
        all.put("casework.integrity.signing-key", SIGNING_KEY.signerKey());
        all.put("casework.integrity.checkpoint-file", checkpointFile().toString());
        for (String property : properties) {
            String[] keyValue = (property.startsWith("--") ? property.substring(2) : property).split("=", 2);
            if (keyValue[0].startsWith("casework.security.master-key")) {
                all.remove("casework.security.master-key");
            }
            all.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
        }
        return all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /**
     * Starts the standalone product as a user does: on its own embedded database and with its own master key file,
     * both in the data directory {@code directory}.
     */
    static RunningApp standaloneIn(java.nio.file.Path directory, String... properties) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--casework.data-directory=" + directory,
                "--logging.level.root=WARN", "--casework.security.admin-password=" + ADMIN_PASSWORD));
        Arrays.stream(properties).map(property -> "--" + property).forEach(all::add);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StandaloneApplication.class)
                .run(all.toArray(String[]::new));
        RunningApp app = new RunningApp(context, null);
        return app.admin().get("/api/users/" + TESTER).status() == 200 ? app : app.provisioned(true);
    }

    /** Provisions the tests' user on an application started with {@link #startOn} (the tree only where it is kept). */
    RunningApp withTester(boolean tree) {
        return provisioned(tree);
    }

    private static java.nio.file.Path checkpointFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("casework-checkpoints-", ".log");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The file this application appends its checkpoints to. */
    java.nio.file.Path checkpoints() {
        return java.nio.file.Path.of(context.getEnvironment().getProperty("casework.integrity.checkpoint-file"));
    }

    JdbcClient jdbc() {
        return JdbcClient.create(context.getBean(javax.sql.DataSource.class));
    }

    long eventCount() {
        return jdbc().sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    @Override
    public void close() {
        context.close();
    }
}
