package vn.ubkt.casework.query.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Where the checkpoint signing key comes from: never the database (whoever can rewrite the database must not be
 * able to sign for it). {@code CASEWORK_INTEGRITY_SIGNING_KEY} in the environment, else the property
 * {@code casework.integrity.signing-key}, else the file {@code casework.integrity.signing-key-file} — created with a
 * new random key, readable by its owner only, when {@code casework.integrity.create-signing-key=true} (the
 * standalone's data directory). A verifier needs only {@code casework.integrity.verifier-key}.
 */
public final class IntegrityKeys {

    public static final String ENVIRONMENT = "CASEWORK_INTEGRITY_SIGNING_KEY";
    public static final String PROPERTY = "casework.integrity.signing-key";
    public static final String FILE_PROPERTY = "casework.integrity.signing-key-file";
    public static final String CREATE_PROPERTY = "casework.integrity.create-signing-key";
    public static final String ORIGIN_PROPERTY = "casework.integrity.origin";
    public static final String VERIFIER_PROPERTY = "casework.integrity.verifier-key";
    public static final String DEFAULT_ORIGIN = "casework.ubkt.vn/event-log";

    private static final Logger log = LoggerFactory.getLogger(IntegrityKeys.class);

    private IntegrityKeys() {
    }

    /** The signing key, when one is configured (created in its file when the settings say so). */
    public static Optional<NoteKey> signing(Environment environment) {
        return signing(environment, true);
    }

    private static Optional<NoteKey> signing(Environment environment, boolean mayCreate) {
        String value = environment.getProperty(ENVIRONMENT);
        if (value == null || value.isBlank()) {
            value = environment.getProperty(PROPERTY);
        }
        if (value != null && !value.isBlank()) {
            return Optional.of(NoteKey.parseSigner(value));
        }
        String file = environment.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(file.strip()).toAbsolutePath().normalize();
        if (!Files.exists(path) && !mayCreate) {
            return Optional.empty();
        }
        if (!Files.exists(path) && environment.getProperty(CREATE_PROPERTY, Boolean.class, false)) {
            create(path, NoteKey.generate(environment.getProperty(ORIGIN_PROPERTY, DEFAULT_ORIGIN)));
        }
        try {
            return Optional.of(NoteKey.parseSigner(Files.readString(path, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new IllegalStateException("the checkpoint signing key file " + path + " cannot be read", e);
        }
    }

    /** The key checkpoints are verified with: the one given, else the public half of the signing key. */
    public static Optional<NoteKey> verifier(Environment environment) {
        String value = environment.getProperty(VERIFIER_PROPERTY);
        if (value != null && !value.isBlank()) {
            return Optional.of(NoteKey.parseVerifier(value));
        }
        // a verifier never creates a key: a new one would vouch for nothing
        return signing(environment, false).map(NoteKey::verifierOnly);
    }

    private static void create(Path file, NoteKey key) {
        try {
            Files.createDirectories(file.getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, key.signerKey() + "\n", StandardCharsets.US_ASCII);
            log.info("First start: a new checkpoint signing key was created in {} (readable by its owner only); its "
                    + "verifier key is {}", file, key.verifierKey());
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoint signing key file " + file + " cannot be written", e);
        }
    }
}
