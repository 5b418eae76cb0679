package vn.ubkt.casework.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side alone, against the PostgreSQL given by {@code SPRING_DATASOURCE_URL}. */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        // no calls home from a party system (and these machines have no route out)
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
