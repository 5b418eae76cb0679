package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ubkt.casework.standalone.RevealSteps.approved;
import static vn.ubkt.casework.standalone.RevealSteps.asked;
import static vn.ubkt.casework.standalone.RevealSteps.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.ubkt.casework.access.vault.MasterKey;
import vn.ubkt.casework.access.vault.MasterKeyProblem;
import vn.ubkt.casework.command.CommandSideApplication;
import vn.ubkt.casework.query.QuerySideApplication;

/**
 * The master key of API.md "The denouncer's identity": no process starts without one, nor with another key than the
 * identities on file were sealed under; {@code rotate-master-key} re-wraps every data key under a new one, on a
 * deployment's database and on the standalone's own data directory.
 */
@DisplayName("The master key: required to start, checked against the vault, and rotated")
@ExtendWith(OutputCaptureExtension.class)
class MasterKeyIT {

    private static final String NEW_KEY = "GklRpUj0K6ZOSMRt5SVw71Bf3bOKEDaaQXYwDWol1es=";
    private static final String STRANGER = "4R2y0R/3vpcZ7UjnXkA3wdRc/zsnCS5SgmsF8UpotoU=";
    private static final String NAME = "Đoàn Thị Mỹ Duyên";

    /** A letter with a sender, asked about by the tester and approved by a custodian: the tester may read it. */
    private static String revealable(RunningApp app) {
        new CaseworkScenario(app).province("");
        RevealSteps steps = new RevealSteps(app);
        steps.awaitNode("CB-THON");
        Http custodian = app.user("giu-bi-mat", "UBKT-TU", null, "CUSTODIAN");
        String complaint = steps.receive(RevealSteps.denouncer(NAME, "Thôn Cầu Trắng", "0912 555 000"), "57099001",
                "Hoàng Văn Thắng");
        approved(custodian, complaint, asked(app.http, complaint));
        assertThat(identity(app.http, complaint).json().get("name").asString()).isEqualTo(NAME);
        return complaint;
    }

    private static Throwable rootOf(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && !(cause instanceof MasterKeyProblem)) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    @DisplayName("without a master key neither side starts, and the refusal says where a key goes; with one, both do")
    void requiredToStart(CapturedOutput output) {
        String database = TestDatabase.newDatabase();
        for (SpringApplicationBuilder side : new SpringApplicationBuilder[] {CommandSideApplication.application(),
                QuerySideApplication.application()}) {
            assertThatThrownBy(() -> RunningApp.startOn(database, side, "casework.security.master-key="))
                    .satisfies(thrown -> assertThat(rootOf(thrown)).isInstanceOf(MasterKeyProblem.class)
                            .hasMessageContaining("no master key is configured")
                            .hasMessageContaining("CASEWORK_MASTER_KEY"));
        }
        assertThat(output.getAll()).contains("The denouncers' vault cannot open")
                .contains("head -c 32 /dev/urandom | base64");

        try (RunningApp command = RunningApp.startOn(database, CommandSideApplication.application());
             RunningApp query = RunningApp.startOn(database, QuerySideApplication.application())) {
            assertThat(command.http.anonymous().get("/actuator/health").status()).isEqualTo(200);
            assertThat(query.http.anonymous().get("/actuator/health").status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("rotation re-wraps every data key: the product then starts with the new key only, and reveals as before")
    void rotation() {
        String database;
        String complaint;
        try (RunningApp app = RunningApp.start()) {
            database = app.jdbcUrl;
            complaint = revealable(app);
        }
        String[] onThatDatabase = {"--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--logging.level.root=WARN"};

        // a key the identities were not sealed under
        assertThatThrownBy(() -> RunningApp.startOn(database, new SpringApplicationBuilder(StandaloneApplication.class),
                "casework.security.master-key=" + NEW_KEY))
                .satisfies(thrown -> assertThat(rootOf(thrown)).isInstanceOf(MasterKeyProblem.class)
                        .hasMessageContaining(MasterKey.of(RunningApp.MASTER_KEY).id())
                        .hasMessageContaining(MasterKey.of(NEW_KEY).id()));

        // without a new key, a key not kept in a file cannot be rotated; from a key that is not the vault's, nothing moves
        assertThat(StandaloneApplication.rotateMasterKey(with(onThatDatabase, MasterKeyRotationArgs.from(RunningApp.MASTER_KEY))))
                .isEqualTo(2);
        assertThat(StandaloneApplication.rotateMasterKey(with(onThatDatabase,
                MasterKeyRotationArgs.from(STRANGER), MasterKeyRotationArgs.to(NEW_KEY)))).isEqualTo(1);

        assertThat(StandaloneApplication.rotateMasterKey(with(onThatDatabase,
                MasterKeyRotationArgs.from(RunningApp.MASTER_KEY), MasterKeyRotationArgs.to(NEW_KEY)))).isZero();

        try (RunningApp app = RunningApp.startOn(database, new SpringApplicationBuilder(StandaloneApplication.class),
                "casework.security.master-key=" + NEW_KEY)) {
            Http.Response revealed = identity(app.http, complaint);
            assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
            assertThat(revealed.json().get("name").asString()).isEqualTo(NAME);
            assertThat(app.jdbc().sql("select distinct master_key_id from confidential_denouncer where master_key_id is not null")
                    .query(String.class).list()).containsExactly(MasterKey.of(NEW_KEY).id());
        }
        assertThatThrownBy(() -> RunningApp.startOn(database, new SpringApplicationBuilder(StandaloneApplication.class)))
                .satisfies(thrown -> assertThat(rootOf(thrown)).isInstanceOf(MasterKeyProblem.class));
    }

    @Test
    @DisplayName("the standalone keeps its key in its data directory, owner-only, and a rotation replaces it there")
    void standaloneKeyFile(@TempDir Path directory) throws Exception {
        Path keyFile = directory.resolve("master.key");
        String complaint;
        try (RunningApp app = RunningApp.standaloneIn(directory)) {
            complaint = revealable(app);
        }
        String before = Files.readString(keyFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        assertThat(StandaloneApplication.rotateMasterKey("rotate-master-key", "--casework.data-directory=" + directory,
                "--logging.level.root=WARN")).isZero();

        assertThat(Files.readString(keyFile)).isNotEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(directory.resolve("master.key.new")).doesNotExist();
        try (RunningApp app = RunningApp.standaloneIn(directory)) {
            Http.Response revealed = identity(app.http, complaint);
            assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
            assertThat(revealed.json().get("name").asString()).isEqualTo(NAME);
        }
    }

    private static String[] with(String[] settings, String... more) {
        String[] all = new String[settings.length + more.length + 1];
        all[0] = "rotate-master-key";
        System.arraycopy(settings, 0, all, 1, settings.length);
        System.arraycopy(more, 0, all, 1 + settings.length, more.length);
        return all;
    }

    private static final class MasterKeyRotationArgs {

        static String from(String key) {
            return "--casework.security.master-key=" + key;
        }

        static String to(String key) {
            return "--casework.security.new-master-key=" + key;
        }
    }
}
