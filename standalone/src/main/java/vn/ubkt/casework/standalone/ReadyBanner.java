package vn.ubkt.casework.standalone;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the product serves once it is ready to answer. */
@Component
class ReadyBanner {

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port");
        System.out.println("Casework is ready on " + base + "  (API docs: " + base + "/swagger-ui.html)");
        System.out.println("Sign in at " + base + "/login — on the first start as 'admin' with CASEWORK_ADMIN_PASSWORD, "
                + "or with the password printed above (to be changed at once); README.md, \"Signing in\".");
    }
}
