package vn.ubkt.casework.query.integrity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The integrity of the record on the query side, which reads the event store anyway: the ledger, the sealer, the
 * checkpoints and the verifier. Settings ({@code casework.integrity.*}): {@code sealer.enabled} (true),
 * {@code poll-interval} (PT0.5S), {@code batch-size} (1000), {@code gap-timeout} (PT10S), {@code checkpoint-interval}
 * (PT30S), {@code checkpoint-file} (none), and the key ({@link IntegrityKeys}).
 */
@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntegrityConfiguration.class);

    @Bean
    Ledger integrityLedger(JdbcClient jdbc) {
        return new Ledger(jdbc);
    }

    @Bean
    Checkpoints integrityCheckpoints(Ledger ledger, Environment environment) {
        Optional<NoteKey> key = IntegrityKeys.signing(environment);
        String file = environment.getProperty("casework.integrity.checkpoint-file");
        Optional<Path> path = file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.strip()));
        if (key.isEmpty()) {
            log.warn("No checkpoint signing key is configured ({}, {} or {}): the event store is sealed but no "
                    + "checkpoint is signed", IntegrityKeys.ENVIRONMENT, IntegrityKeys.PROPERTY, IntegrityKeys.FILE_PROPERTY);
        } else {
            log.info("Checkpoints are signed as {} (verifier key {}){}", key.get().name(), key.get().verifierKey(),
                    path.map(p -> " and appended to " + p.toAbsolutePath()).orElse(""));
        }
        return new Checkpoints(ledger, key, path);
    }

    @Bean
    Sealer integritySealer(DataSource dataSource, Checkpoints checkpoints, Environment environment) {
        return new Sealer(dataSource, checkpoints, new Sealer.Settings(
                environment.getProperty("casework.integrity.sealer.enabled", Boolean.class, true),
                environment.getProperty("casework.integrity.poll-interval", Duration.class, Duration.ofMillis(500)),
                environment.getProperty("casework.integrity.batch-size", Integer.class, 1000),
                environment.getProperty("casework.integrity.gap-timeout", Duration.class, Duration.ofSeconds(10)),
                environment.getProperty("casework.integrity.checkpoint-interval", Duration.class, Duration.ofSeconds(30))));
    }

    @Bean
    Verifier integrityVerifier(DataSource dataSource, Checkpoints checkpoints) {
        return new Verifier(dataSource, checkpoints.key());
    }
}
