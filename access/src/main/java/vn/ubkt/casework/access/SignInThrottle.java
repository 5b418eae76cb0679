package vn.ubkt.casework.access;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API.md: after 5 failed sign-ins for one username within 15 minutes, further attempts answer 429 for 15
 * minutes, the right password included. Kept in PostgreSQL, so a lockout holds on both sides.
 */
public class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long the username stays locked out, if it is. */
    public Optional<Duration> lockedFor(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        record Window(long failures, OffsetDateTime last) {
        }
        Window window = jdbc.sql("""
                select count(*), max(at) from sign_in_failure
                where username = :u and at > now() - make_interval(secs => :window)""")
                .param("u", username).param("window", WINDOW.toSeconds())
                .query((rs, n) -> new Window(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).single();
        if (window.failures() < MAX_FAILURES) {
            return Optional.empty();
        }
        Duration left = Duration.between(Instant.now(), window.last().toInstant().plus(WINDOW));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    void failed(String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return;
        }
        jdbc.sql("insert into sign_in_failure (username) values (:u)").param("u", username).update();
        jdbc.sql("delete from sign_in_failure where at < now() - make_interval(secs => :window)")
                .param("window", WINDOW.toSeconds() * 2).update();
    }

    void succeeded(String username) {
        jdbc.sql("delete from sign_in_failure where username = :u").param("u", username).update();
    }
}
