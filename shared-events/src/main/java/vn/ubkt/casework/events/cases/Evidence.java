package vn.ubkt.casework.events.cases;

import vn.ubkt.casework.events.Require;

/** A reference to a document kept elsewhere, with its SHA-256 when known, so it can be checked later. */
public record Evidence(String ref, String sha256) {
    public Evidence {
        Require.text(ref, "ref");
        if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 hexadecimal digits");
        }
    }
}
