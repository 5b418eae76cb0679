package vn.ubkt.casework.query.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Flyway owns the schema. The event store tables are shared by both sides and each side owns its own
 * tables, so each set keeps its own history table: the two sides can be deployed apart or together on
 * one database, in any order. Boot's single Flyway is off ({@code spring.flyway.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@Import(DatabaseInitializationDependencyConfigurer.class)
class QuerySideSchema {

    @Bean
    FlywayMigrationInitializer querySideMigrations(DataSource dataSource) {
        Flyway eventStore = flyway(dataSource, "db/eventstore", "flyway_history_eventstore");
        Flyway own = flyway(dataSource, "db/query", "flyway_history_query");
        return new FlywayMigrationInitializer(eventStore, ignored -> {
            eventStore.migrate();
            own.migrate();
        });
    }

    private static Flyway flyway(DataSource dataSource, String location, String table) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(table)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
