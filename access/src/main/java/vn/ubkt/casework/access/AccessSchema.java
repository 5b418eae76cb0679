package vn.ubkt.casework.access;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/** The access tables are a schema set of their own, with their own Flyway history, migrated by either side. */
final class AccessSchema {

    private AccessSchema() {
    }

    static FlywayMigrationInitializer migrations(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/access")
                .table("flyway_history_access")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        return new FlywayMigrationInitializer(flyway);
    }
}
