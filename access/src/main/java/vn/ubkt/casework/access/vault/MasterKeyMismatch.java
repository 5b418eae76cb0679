package vn.ubkt.casework.access.vault;

/** The configured master key is not the one the identities on file were sealed under. */
public class MasterKeyMismatch extends MasterKeyProblem {

    public MasterKeyMismatch(String message) {
        super(message);
    }
}
