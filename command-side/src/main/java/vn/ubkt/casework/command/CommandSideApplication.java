package vn.ubkt.casework.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone, against the PostgreSQL given by {@code SPRING_DATASOURCE_URL}. */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        // no calls home from a party system (and these machines have no route out)
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
