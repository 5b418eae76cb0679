package vn.ubkt.casework.standalone;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An application started on a random port against a given database, as a user would run it. */
final class RunningApp implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final Http http;
    final String jdbcUrl;

    private RunningApp(ConfigurableApplicationContext context, String jdbcUrl) {
        this.context = context;
        this.jdbcUrl = jdbcUrl;
        this.http = new Http("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts the standalone product on a fresh database of the shared test server. */
    static RunningApp start(String... properties) {
        return startOn(TestDatabase.newDatabase(), new SpringApplicationBuilder(StandaloneApplication.class), properties);
    }

    /**
     * Starts an application (built as its own {@code main} builds it) on a database; the settings are given
     * as command-line arguments, which win over the application's own properties files.
     */
    static RunningApp startOn(String jdbcUrl, SpringApplicationBuilder application, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--logging.level.root=WARN"));
        for (String property : properties) {
            all.add("--" + property);
        }
        return new RunningApp(application.run(all.toArray(String[]::new)), jdbcUrl);
    }

    /** Starts the standalone product as a user does: on its own embedded database in {@code directory}. */
    static RunningApp standaloneIn(java.nio.file.Path directory) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StandaloneApplication.class)
                .run("--server.port=0", "--casework.embedded-db.directory=" + directory, "--logging.level.root=WARN");
        return new RunningApp(context, null);
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
