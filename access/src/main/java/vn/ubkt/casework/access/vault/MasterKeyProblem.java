package vn.ubkt.casework.access.vault;

/**
 * The master key is missing, malformed, or not the one the identities on file were sealed with: the process must
 * not start. The message says what to do and never holds key material.
 */
public class MasterKeyProblem extends IllegalStateException {

    public MasterKeyProblem(String message) {
        super(message);
    }
}
