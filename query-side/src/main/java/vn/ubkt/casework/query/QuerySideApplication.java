package vn.ubkt.casework.query;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.ubkt.casework.access.vault.MasterKeyRotation;
import vn.ubkt.casework.access.vault.MasterKeys;
import vn.ubkt.casework.query.integrity.IntegrityCheck;

/** The query side alone, against the PostgreSQL given by {@code SPRING_DATASOURCE_URL}. */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        // no calls home from a party system (and these machines have no route out)
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        if (MasterKeyRotation.requested(args)) {
            // java -jar query-side.jar rotate-master-key, with the deployment stopped and CASEWORK_NEW_MASTER_KEY set
            System.exit(MasterKeyRotation.run(new SpringApplicationBuilder(MasterKeyRotation.DataSourceOnly.class)
                    .properties("spring.config.name=query-side"), MasterKeys::required, args));
        }
        if (IntegrityCheck.requested(args)) {
            // java -jar query-side.jar verify-integrity --checkpoint=checkpoints.log, against SPRING_DATASOURCE_URL
            System.exit(IntegrityCheck.run(new SpringApplicationBuilder(MasterKeyRotation.DataSourceOnly.class)
                    .properties("spring.config.name=query-side"), System.out, args));
        }
        application().run(args);
    }

    /**
     * Its settings are in {@code query-side.properties}, not {@code application.properties}: in the
     * standalone process both sides share one classpath, whose {@code application.properties} is the
     * standalone's.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(QuerySideApplication.class).properties("spring.config.name=query-side");
    }
}
