package vn.ubkt.casework.access.vault;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for want of the right master key says so plainly, instead of as a bean creation stack trace. */
class MasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyProblem cause) {
        if (cause instanceof MasterKeyMismatch) {
            return new FailureAnalysis("The denouncers' vault cannot open: " + cause.getMessage(),
                    "Every process of one deployment needs the same master key, the one the identities were sealed "
                            + "with (each process logs the id of its key at start). After a rotation, give every process "
                            + "the new key; if a rotation of a key file stopped after it committed, the new key is in "
                            + "the file's '.new' sibling. Identities sealed under a lost key cannot be recovered.",
                    cause);
        }
        return new FailureAnalysis("The denouncers' vault cannot open: " + cause.getMessage(),
                "Give the deployment's master key (32 random bytes, base64) in the environment variable "
                        + MasterKeys.ENVIRONMENT + ", or the property " + MasterKeys.PROPERTY + ", or a file named by "
                        + MasterKeys.FILE_PROPERTY + ". Create one with: head -c 32 /dev/urandom | base64. "
                        + "Every process of one deployment needs the same key; a rotation is "
                        + "'java -jar <app>.jar " + MasterKeyRotation.COMMAND + "' (see README.md).",
                cause);
    }
}
