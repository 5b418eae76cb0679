package vn.ubkt.casework.query.integrity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The verification from the command line, against a database and a saved checkpoint (or checkpoint file):
 * {@code java -jar <app>.jar verify-integrity --checkpoint=checkpoints.log}. Only a data source is started. Exit code
 * 0 when the store verifies, 1 on any finding (each printed with its kind and first global index), 2 when it could
 * not be run (no verifier key, an unreadable checkpoint file, no database).
 */
public final class IntegrityCheck {

    /** The argument that turns a start of the product into a verification. */
    public static final String COMMAND = "verify-integrity";

    private IntegrityCheck() {
    }

    public static boolean requested(String... args) {
        return Arrays.asList(args).contains(COMMAND);
    }

    /** Runs the check in {@code context} (a data source only, from the product's settings); answers the exit code. */
    public static int run(SpringApplicationBuilder context, PrintStream out, String... args) {
        String[] settings = Arrays.stream(args).filter(arg -> !COMMAND.equals(arg)).toArray(String[]::new);
        context.web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false);
        try (ConfigurableApplicationContext running = context.run(settings)) {
            Environment environment = running.getEnvironment();
            Optional<NoteKey> key;
            try {
                key = IntegrityKeys.verifier(environment);
            } catch (RuntimeException e) {
                out.println("verify-integrity: the verifier key cannot be read: " + e.getMessage());
                return 2;
            }
            if (key.isEmpty()) {
                out.println("verify-integrity: give the verifier key (--" + IntegrityKeys.VERIFIER_PROPERTY
                        + "=<name+hash+key>, as GET /api/integrity/key answers) or the signing key");
                return 2;
            }
            String checkpointText = null;
            String checkpoint = environment.getProperty("checkpoint");
            if (checkpoint != null && !checkpoint.isBlank()) {
                try {
                    checkpointText = Files.readString(Path.of(checkpoint.strip()), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    out.println("verify-integrity: the checkpoint file " + checkpoint + " cannot be read: " + e);
                    return 2;
                }
            }
            Verifier.Result result = new Verifier(running.getBean(DataSource.class), key).verify(checkpointText);
            out.println((result.ok() ? "OK" : "FINDINGS") + ": " + result.checkedEvents() + " event(s) checked, tree size "
                    + result.treeSize() + ", " + result.findings().size() + " finding(s)");
            for (Verifier.Finding finding : result.findings()) {
                out.println(finding.kind() + " at global index " + finding.globalIndex() + ": " + finding.detail());
            }
            return result.ok() ? 0 : 1;
        } catch (Exception e) {
            out.println("verify-integrity: " + e.getMessage());
            return 2;
        }
    }
}
