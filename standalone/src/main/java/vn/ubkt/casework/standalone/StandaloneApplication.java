package vn.ubkt.casework.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import vn.ubkt.casework.command.CommandSideApplication;
import vn.ubkt.casework.query.QuerySideApplication;

/**
 * Both sides in one process on one port. They still talk only through the event store: the same beans as
 * when they run apart, in one Spring context. On embedded PostgreSQL unless {@code SPRING_DATASOURCE_URL}
 * is set.
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
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
