package vn.ubkt.casework.access.vault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deployment's master key (API.md "The denouncer's identity"): 32 random bytes that wrap each complaint's data
 * key. It never leaves the process: not in a log, a message, an exception or {@link #toString()}. Its {@link #id()}
 * is a fingerprint (an HMAC of a constant under the key), stored beside each wrapped key so a process given the wrong
 * key, or a half-finished rotation, is noticed at start instead of at the first reveal.
 */
public final class MasterKey {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] ID_LABEL = "casework master key id v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key;
    private final String id;
    private final Path file;

    private MasterKey(byte[] key, Path file) {
        if (key.length != BYTES) {
            throw new MasterKeyProblem("a master key must be " + BYTES + " bytes (base64 of 32 random bytes), not "
                    + key.length);
        }
        this.key = key.clone();
        this.file = file;
        this.id = fingerprint(this.key);
    }

    /** A key from its base64 text (as in {@code CASEWORK_MASTER_KEY} or a key file); {@code file} is where it was read. */
    static MasterKey decode(String base64, Path file, String origin) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // the message names the origin only: the text may be the key itself
            throw new MasterKeyProblem("the master key in " + origin + " is not base64");
        }
        try {
            if (bytes.length != BYTES) {
                throw new MasterKeyProblem("the master key in " + origin + " must be " + BYTES
                        + " bytes (base64 of 32 random bytes), not " + bytes.length);
            }
            return new MasterKey(bytes, file);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A fresh random key, for a new deployment or a rotation. */
    public static MasterKey random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        try {
            return new MasterKey(bytes, null);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A key from its base64 text; for tests and tools that hold a key themselves. */
    public static MasterKey of(String base64) {
        return decode(base64, null, "the given text");
    }

    /** The fingerprint stored beside every data key it wraps; reveals nothing of the key. */
    public String id() {
        return id;
    }

    /** The file it was read from, if any: a rotation without a new key given writes the new one there. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    /** The base64 text, only for writing a key file. */
    String encoded() {
        return Base64.getEncoder().encodeToString(key);
    }

    private static String fingerprint(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal(ID_LABEL), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && java.security.MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
