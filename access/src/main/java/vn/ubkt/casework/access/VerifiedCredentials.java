package vn.ubkt.casework.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API clients send HTTP Basic credentials with every call, and every check of a slow adaptive hash costs tens
 * of milliseconds by design. A username and password that passed the check are remembered for a few minutes,
 * as a keyed MAC (never the password), so the next call is not slowed; any change to the user forgets them.
 * The same idea as Apache httpd's mod_authn_socache.
 */
final class VerifiedCredentials {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(String mac, long expiresAtNanos) {
    }

    VerifiedCredentials() {
        new SecureRandom().nextBytes(key);
    }

    boolean known(String username, String password) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return false;
        }
        if (entry.expiresAtNanos() - System.nanoTime() < 0) {
            entries.remove(username, entry);
            return false;
        }
        return java.security.MessageDigest.isEqual(entry.mac().getBytes(StandardCharsets.US_ASCII),
                mac(username, password).getBytes(StandardCharsets.US_ASCII));
    }

    void remember(String username, String password) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(mac(username, password), System.nanoTime() + LIFETIME.toNanos()));
    }

    void forget(String username) {
        entries.remove(username);
    }

    private String mac(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
