package vn.ubkt.casework.access.vault;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Rotation of the master key: every data key on file is unwrapped with the current master key and wrapped with the
 * new one, in one transaction that locks the table against new identities meanwhile. The identities themselves are
 * not decrypted, and an erased row has nothing to re-wrap. Run it with the processes of the deployment stopped:
 * {@code java -jar <app>.jar rotate-master-key}, with the new key in {@code CASEWORK_NEW_MASTER_KEY} (or
 * {@code casework.security.new-master-key[-file]}); a key kept in a file (the standalone's) may instead be replaced by
 * a new random one written to the same file. Afterwards every process must be given the new key.
 */
public final class MasterKeyRotation {

    /** The argument that turns a start of the product into a rotation. */
    public static final String COMMAND = "rotate-master-key";

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

    public record Result(int rewrapped, int alreadyUnderNewKey, String fromKeyId, String toKeyId) {
    }

    /** Only a data source: no web server, no processors, no migrations. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    public static class DataSourceOnly {
    }

    private MasterKeyRotation() {
    }

    public static boolean requested(String... args) {
        return Arrays.asList(args).contains(COMMAND);
    }

    /**
     * Re-wraps every data key under {@code from} with {@code to}, all or nothing. Rows already under {@code to} are
     * left as they are; a row under any other key stops the rotation and changes nothing.
     */
    public static Result rotate(DataSource dataSource, MasterKey from, MasterKey to) throws SQLException {
        if (from.id().equals(to.id())) {
            throw new MasterKeyProblem("the new master key is the current one");
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Result result = rotate(connection, from, to);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private record Row(String ref, String masterKeyId, byte[] wrappedKey) {
    }

    private static Result rotate(Connection connection, MasterKey from, MasterKey to) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select to_regclass('confidential_denouncer') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return new Result(0, 0, from.id(), to.id());
            }
        }
        try (Statement statement = connection.createStatement()) {
            // no identity is sealed, erased or re-wrapped by anyone else until this transaction ends
            statement.execute("lock table confidential_denouncer in share row exclusive mode");
        }
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select denouncer_ref, master_key_id, wrapped_key from confidential_denouncer
                     where wrapped_key is not null order by denouncer_ref""")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)));
            }
        }
        int rewrapped = 0;
        int already = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "update confidential_denouncer set wrapped_key = ?, master_key_id = ? where denouncer_ref = ?")) {
            for (Row row : rows) {
                if (to.id().equals(row.masterKeyId())) {
                    already++;
                    continue;
                }
                update.setBytes(1, Envelope.rewrap(row.wrappedKey(), row.masterKeyId(), row.ref(), from, to));
                update.setString(2, to.id());
                update.setString(3, row.ref());
                update.addBatch();
                rewrapped++;
            }
            update.executeBatch();
        }
        return new Result(rewrapped, already, from.id(), to.id());
    }

    /**
     * The rotation as an operator runs it: a small context with only the data source (and, for the standalone, its
     * embedded database) is started from the same settings as the product; answers the process's exit code.
     *
     * @param context    the sources of that context, e.g. {@link DataSourceOnly}
     * @param currentKey how the product finds its current key in those settings
     */
    public static int run(SpringApplicationBuilder context, Function<Environment, MasterKey> currentKey, String... args) {
        String[] settings = Arrays.stream(args).filter(arg -> !COMMAND.equals(arg)).toArray(String[]::new);
        context.web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false);
        try (ConfigurableApplicationContext running = context.run(settings)) {
            Environment environment = running.getEnvironment();
            MasterKey from = currentKey.apply(environment);
            Optional<MasterKey> given = MasterKeys.next(environment);
            Path file = from.file().orElse(null);
            if (given.isEmpty() && file == null) {
                System.err.println("Master key rotation: give the new key in " + MasterKeys.NEW_ENVIRONMENT + " or "
                        + MasterKeys.NEW_PROPERTY + " or " + MasterKeys.NEW_FILE_PROPERTY
                        + " (the current key is not kept in a file that could take a new one)");
                return 2;
            }
            MasterKey to = given.orElseGet(MasterKey::random);
            // a generated key is on disk before the database depends on it, so it cannot be lost in between
            Path pending = given.isPresent() ? null : file.resolveSibling(file.getFileName() + ".new");
            if (pending != null) {
                try {
                    MasterKeys.write(pending, to);
                } catch (FileAlreadyExistsException e) {
                    System.err.println("Master key rotation: " + pending + " exists, left by an interrupted rotation. "
                            + "If the vault's rows are already under it, it is the key to use: move it over " + file
                            + "; else remove it. Nothing was changed.");
                    return 1;
                }
            }
            Result result;
            try {
                result = rotate(running.getBean(DataSource.class), from, to);
            } catch (SQLException | RuntimeException e) {
                if (pending != null) {
                    Files.deleteIfExists(pending);
                }
                throw e;
            }
            if (pending != null) {
                try {
                    Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    System.err.println("Master key rotation: the vault is now under the new key in " + pending
                            + ", which could not replace " + file + " (" + e.getClass().getSimpleName()
                            + "): move it there before the next start");
                    return 1;
                }
            }
            String message = "Master key rotated from " + result.fromKeyId() + " to " + result.toKeyId() + ": "
                    + result.rewrapped() + " data key(s) re-wrapped"
                    + (result.alreadyUnderNewKey() > 0 ? ", " + result.alreadyUnderNewKey() + " already under the new key" : "")
                    + (pending != null ? "; the new key is in " + file
                    : "; give every process the new key before it starts again");
            log.info(message);
            System.out.println(message);
            return 0;
        } catch (MasterKeyProblem | VaultException e) {
            System.err.println("Master key rotation refused, nothing was changed: " + e.getMessage());
            return 1;
        } catch (SQLException | IOException e) {
            System.err.println("Master key rotation failed, nothing was changed: " + e.getClass().getSimpleName()
                    + ": " + e.getMessage());
            return 1;
        }
    }
}
