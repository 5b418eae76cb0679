package vn.ubkt.casework.access;

import java.security.SecureRandom;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * API.md "First start": when no ADMIN exists, user {@code admin} is created with the password in
 * {@code CASEWORK_ADMIN_PASSWORD} or {@code casework.security.admin-password}; without either, a random one is
 * printed once and must be changed at the first sign-in. Both sides may start at once: only one insert wins.
 */
final class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String USERNAME = "admin";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final Environment environment;

    FirstAdmin(UserAccounts users, PasswordEncoder encoder, Environment environment) {
        this.users = users;
        this.encoder = encoder;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyAdmin()) {
            return;
        }
        String given = environment.getProperty("CASEWORK_ADMIN_PASSWORD",
                environment.getProperty("casework.security.admin-password", ""));
        boolean generated = given.isBlank();
        if (!generated && given.length() < Passwords.MIN_LENGTH) {
            throw new IllegalStateException("the first-start admin password must have at least "
                    + Passwords.MIN_LENGTH + " characters");
        }
        String password = generated ? random() : given;
        String committee = environment.getProperty("casework.security.admin-committee", "TW");
        boolean created = users.create(USERNAME, "Quản trị hệ thống", encoder.encode(password), EnumSet.of(Role.ADMIN),
                committee, null, generated);
        if (!created) {
            return;
        }
        if (generated) {
            // printed once, to the operator's console: it is useless after the first sign-in changes it
            log.warn("""

                    ==========================================================================
                     First start: sign in as '{}' with the password  {}
                     It must be changed at the first sign-in. Set CASEWORK_ADMIN_PASSWORD to choose it.
                    ==========================================================================""", USERNAME, password);
        } else {
            log.info("First start: user '{}' created with the configured password", USERNAME);
        }
    }

    private static String random() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
