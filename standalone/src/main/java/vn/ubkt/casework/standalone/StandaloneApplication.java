package vn.ubkt.casework.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import vn.ubkt.casework.access.vault.MasterKeyRotation;
import vn.ubkt.casework.command.CommandSideApplication;
import vn.ubkt.casework.query.QuerySideApplication;
import vn.ubkt.casework.query.integrity.IntegrityCheck;

/**
 * Both sides in one process on one port. They still talk only through the event store: the same beans as
 * when they run apart, in one Spring context. On embedded PostgreSQL unless {@code SPRING_DATASOURCE_URL}
 * is set. {@code java -jar standalone.jar rotate-master-key} rotates the master key instead of starting;
 * {@code java -jar standalone.jar verify-integrity --checkpoint=<file>} verifies the record instead.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"vn.ubkt.casework.standalone", "vn.ubkt.casework.command", "vn.ubkt.casework.query"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class StandaloneApplication {

    public static void main(String[] args) {
        // no calls home from a party system (and these machines have no route out)
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        if (MasterKeyRotation.requested(args)) {
            System.exit(rotateMasterKey(args));
        }
        if (IntegrityCheck.requested(args)) {
            System.exit(verifyIntegrity(args));
        }
        SpringApplication.run(StandaloneApplication.class, args);
    }

    /**
     * Verifies the event store against its Merkle log and a saved checkpoint ({@code --checkpoint=<file>}), with the
     * product stopped or against {@code SPRING_DATASOURCE_URL}; the key is the data directory's or the one given.
     * Answers the exit code: 0 verified, 1 findings, 2 not run.
     */
    static int verifyIntegrity(String... args) {
        return IntegrityCheck.run(new SpringApplicationBuilder(MasterKeyRotation.DataSourceOnly.class,
                EmbeddedDatabase.class), System.out, args);
    }

    /**
     * Re-wraps every data key under a new master key, on the same database (the embedded one in the data directory,
     * or {@code SPRING_DATASOURCE_URL}), with the product stopped. Without a new key given, a new random key replaces
     * the one in the data directory's {@code master.key}. Answers the exit code.
     */
    static int rotateMasterKey(String... args) {
        return MasterKeyRotation.run(new SpringApplicationBuilder(MasterKeyRotation.DataSourceOnly.class,
                EmbeddedDatabase.class), StandaloneMasterKey::load, args);
    }
}
