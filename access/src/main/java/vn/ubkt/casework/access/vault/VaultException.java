package vn.ubkt.casework.access.vault;

/** A sealed identity cannot be opened or re-wrapped. The message names rows and key ids, never their contents. */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }
}
