package vn.ubkt.casework.events.files;

import vn.ubkt.casework.events.Require;

/**
 * A file kept in the content store, as an event records it: never its bytes, only what identifies and checks
 * them. {@code storageKey} names the object in the store; {@code sha256} was computed while the upload streamed,
 * and every download is checked against it; {@code uploadedBy} is the username that sent it.
 */
public record StoredFile(String name, String contentType, long size, String sha256, String storageKey,
                         String uploadedBy) {

    public StoredFile {
        Require.text(name, "name");
        Require.text(contentType, "contentType");
        Require.text(storageKey, "storageKey");
        Require.text(uploadedBy, "uploadedBy");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hexadecimal digits");
        }
    }
}
