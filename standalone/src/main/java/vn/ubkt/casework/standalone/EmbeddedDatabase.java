package vn.ubkt.casework.standalone;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL started from the zonky binaries when no {@code spring.datasource.url} is given. Its
 * data directory survives restarts ({@code casework.embedded-db.directory}, default {@code data/postgres}
 * under the working directory). The data source is closed before the database stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${casework.embedded-db.directory:data/postgres}") Path directory,
                                      @Value("${casework.embedded-db.port:0}") int port,
                                      @Value("${casework.embedded-db.shared-buffers:}") String sharedBuffers)
            throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(absolute)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                // PostgreSQL's own default, which the zonky builder turns off for tests: a command is answered only
                // once its events are on disk, so a power cut loses no event the user saw recorded
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        if (!sharedBuffers.isBlank()) {
            // PostgreSQL's own cache (128MB unless set): a search rechecks rows of case_view, about 1 GB per million
            // cases, and reads them from the operating system's cache when they are not in it (docs/BENCHMARKS.md)
            builder.setServerConfig("shared_buffers", sharedBuffers.strip());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), absolute);
        return postgres;
    }

    /**
     * The pool, configured by the same {@code spring.datasource.hikari.*} settings as the pool Spring Boot makes for a
     * database of one's own (its size, the driver's properties): the product runs alike on either.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("casework");
        return dataSource;
    }
}
