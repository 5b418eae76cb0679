package vn.ubkt.casework.access.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Where the case file's bytes live: evidence, complaints' enclosures and signed documents. Events record only a
 * file's name, type, size, SHA-256 and key here (never its bytes). An object is written once under a key the
 * store chooses and is never replaced or deleted: a correction is a new object. Both sides share one store — a
 * directory under the data directory by default, an S3-compatible bucket for deployments.
 */
public interface ContentStore {

    /** What was stored: the key, and the size and SHA-256 of the bytes as they streamed in. */
    record Receipt(String key, long size, String sha256) {
    }

    /** The upload is larger than the deployment allows. */
    final class TooLarge extends IOException {
        public final long limit;

        public TooLarge(long limit) {
            super("larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }
    }

    /**
     * Streams {@code content} into a new object, hashing it on the way, and answers its receipt. Nothing of it
     * is kept in memory beyond a buffer; more than {@code limit} bytes is refused and leaves nothing behind.
     * {@code size} is the length when known (-1 otherwise).
     */
    Receipt put(InputStream content, long size, String contentType, long limit) throws IOException;

    /** The bytes of an object, as stored. */
    InputStream open(String key) throws IOException;

    /** For the log and the health of the deployment: where the store is. */
    String description();

    /** A new key no object has: two levels of directories, so that no directory grows without bound. */
    static String newKey() {
        String id = UUID.randomUUID().toString();
        return id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** The SHA-256 of a stored object, read through once: how a download is checked before it is served. */
    default String digestOf(String key) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(open(key), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(digest.digest());
    }
}
