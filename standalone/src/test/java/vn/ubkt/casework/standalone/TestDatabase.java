package vn.ubkt.casework.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM, and a fresh database for each application a test starts, so tests
 * never see each other's events. Applications are closed by their tests before the JVM (and with it this
 * server) stops (STACK.md pitfall 7).
 */
final class TestDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
                // the national-scale benchmark's server memory (-Dbenchmark.shared-buffers=2GB); PostgreSQL's 128MB else
                String sharedBuffers = System.getProperty("benchmark.shared-buffers");
                if (sharedBuffers != null) {
                    builder.setServerConfig("shared_buffers", sharedBuffers);
                }
                // any other server settings of a benchmark's, as name=value;name=value (to see a slow call's plan:
                // shared_preload_libraries=auto_explain;auto_explain.log_min_duration=500;logging_collector=on;...)
                for (String setting : System.getProperty("benchmark.server-config", "").split(";")) {
                    int equals = setting.indexOf('=');
                    if (equals > 0) {
                        builder.setServerConfig(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
                    }
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** Creates an empty database and answers its JDBC URL. */
    static String newDatabase() {
        String name = "casework_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /**
     * Migrates the database as the product does at its start (the event store's schema, then the query side's), the
     * query side's only up to {@code queryVersion} ("latest": all of it): an upgrade's test fills the schema of a
     * version before, then migrates again to the latest.
     */
    static void migrate(DataSource dataSource, String queryVersion) {
        flyway(dataSource, "db/eventstore", "flyway_history_eventstore", "latest").migrate();
        flyway(dataSource, "db/query", "flyway_history_query", queryVersion).migrate();
    }

    /** A new database migrated as {@link #migrate} does, the query side's schema up to {@code queryVersion}. */
    static DataSource migratedTo(String queryVersion) {
        DataSource dataSource = dataSource(newDatabase());
        migrate(dataSource, queryVersion);
        return dataSource;
    }

    private static org.flywaydb.core.Flyway flyway(DataSource dataSource, String location, String table, String target) {
        return org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:" + location).table(table)
                .baselineOnMigrate(true).baselineVersion("0").target(target).load();
    }

    static DataSource dataSource(String jdbcUrl) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser("postgres");
        return dataSource;
    }
}
