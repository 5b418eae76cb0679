package vn.ubkt.casework.access.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Where a process finds its master key: {@code CASEWORK_MASTER_KEY} in the environment, else the property
 * {@code casework.security.master-key}, else the file named by {@code casework.security.master-key-file}. The new key
 * of a rotation is looked up the same way under {@code CASEWORK_NEW_MASTER_KEY}, {@code casework.security.new-master-key}
 * and {@code casework.security.new-master-key-file}.
 */
public final class MasterKeys {

    public static final String ENVIRONMENT = "CASEWORK_MASTER_KEY";
    public static final String PROPERTY = "casework.security.master-key";
    public static final String FILE_PROPERTY = "casework.security.master-key-file";
    public static final String NEW_ENVIRONMENT = "CASEWORK_NEW_MASTER_KEY";
    public static final String NEW_PROPERTY = "casework.security.new-master-key";
    public static final String NEW_FILE_PROPERTY = "casework.security.new-master-key-file";

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeys() {
    }

    /** The configured key, if any is configured; a configured key that is unreadable or malformed is refused. */
    public static Optional<MasterKey> configured(Environment environment) {
        return find(environment, ENVIRONMENT, PROPERTY, FILE_PROPERTY);
    }

    /** The configured key; without one the process refuses to start (API.md: no identity is ever kept in clear). */
    public static MasterKey required(Environment environment) {
        return configured(environment).orElseThrow(() -> new MasterKeyProblem("no master key is configured ("
                + ENVIRONMENT + ", " + PROPERTY + " or " + FILE_PROPERTY + ")"));
    }

    /** The new key of a rotation, if one is given. */
    public static Optional<MasterKey> next(Environment environment) {
        return find(environment, NEW_ENVIRONMENT, NEW_PROPERTY, NEW_FILE_PROPERTY);
    }

    private static Optional<MasterKey> find(Environment environment, String variable, String property,
                                            String fileProperty) {
        String value = environment.getProperty(variable);
        if (value != null && !value.isBlank()) {
            return Optional.of(MasterKey.decode(value, null, variable));
        }
        value = environment.getProperty(property);
        if (value != null && !value.isBlank()) {
            return Optional.of(MasterKey.decode(value, null, property));
        }
        String file = environment.getProperty(fileProperty);
        if (file != null && !file.isBlank()) {
            return Optional.of(read(Path.of(file.strip())));
        }
        return Optional.empty();
    }

    /** The key in {@code file}; the file must exist. */
    public static MasterKey read(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new MasterKeyProblem("the master key file " + absolute + " does not exist");
        }
        warnIfOthersMayRead(absolute);
        try {
            return MasterKey.decode(Files.readString(absolute, StandardCharsets.US_ASCII), absolute,
                    "the file " + absolute);
        } catch (IOException e) {
            throw new MasterKeyProblem("the master key file " + absolute + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * The key in {@code file}, created there with a fresh random key, readable by its owner only, when the file does
     * not exist yet (the standalone's first start).
     */
    public static MasterKey createdIfAbsent(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            try {
                write(absolute, MasterKey.random());
                log.info("First start: a new master key was created in {} (readable by its owner only); keep a copy "
                        + "of it apart from the database's backups", absolute);
            } catch (FileAlreadyExistsException e) {
                // another process created it between the check and the write: use theirs
            }
        }
        return read(absolute);
    }

    /** Writes {@code key} to a new file readable and writable by its owner only; refuses to overwrite. */
    static void write(Path file, MasterKey key) throws FileAlreadyExistsException {
        try {
            Files.createDirectories(file.getParent());
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                // the permissions are set as the file is created, so it is never readable by others, not even briefly
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
                file.toFile().setWritable(false, false);
                file.toFile().setWritable(true, true);
            }
            Files.writeString(file, key.encoded() + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("the master key file " + file + " cannot be written", e);
        }
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                EnumSet<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
                others.retainAll(permissions);
                if (!others.isEmpty()) {
                    log.warn("The master key file {} is readable or writable by others ({}): chmod 600 it", file,
                            PosixFilePermissions.toString(permissions));
                }
            }
        } catch (IOException e) {
            log.warn("The permissions of the master key file {} cannot be read", file);
        }
    }
}
