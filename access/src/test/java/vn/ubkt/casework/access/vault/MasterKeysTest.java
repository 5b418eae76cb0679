package vn.ubkt.casework.access.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("Where a process finds its master key")
class MasterKeysTest {

    private static final String KEY = "3YafMFC/yNsHLlZDObXa8jIKNYhDrqEGPHsOLr7cQsY=";
    private static final String OTHER = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    @DisplayName("without any key configured, a process refuses to start and says where a key goes")
    void noKey() {
        assertThatThrownBy(() -> MasterKeys.required(new MockEnvironment()))
                .isInstanceOf(MasterKeyProblem.class)
                .hasMessageContaining("CASEWORK_MASTER_KEY")
                .hasMessageContaining("casework.security.master-key")
                .hasMessageContaining("casework.security.master-key-file");
    }

    @Test
    @DisplayName("CASEWORK_MASTER_KEY wins over the property, which wins over a key file")
    void precedence(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("master.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                30, 31, 32}) + "\n");
        MockEnvironment environment = new MockEnvironment()
                .withProperty(MasterKeys.FILE_PROPERTY, file.toString());
        MasterKey fromFile = MasterKeys.required(environment);
        assertThat(fromFile.file()).contains(file.toAbsolutePath().normalize());

        environment.setProperty(MasterKeys.PROPERTY, OTHER);
        assertThat(MasterKeys.required(environment)).isEqualTo(MasterKey.of(OTHER)).isNotEqualTo(fromFile);

        environment.setProperty(MasterKeys.ENVIRONMENT, KEY);
        assertThat(MasterKeys.required(environment)).isEqualTo(MasterKey.of(KEY));
        assertThat(MasterKeys.required(environment).file()).isEmpty();
    }

    @Test
    @DisplayName("a key that is not base64 of 32 bytes is refused, and the refusal does not repeat it")
    void malformed() {
        String notBase64 = "this is not a key at all!";
        assertThatThrownBy(() -> MasterKeys.required(new MockEnvironment().withProperty(MasterKeys.PROPERTY, notBase64)))
                .isInstanceOf(MasterKeyProblem.class).hasMessageNotContaining(notBase64);
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKeys.required(new MockEnvironment().withProperty(MasterKeys.PROPERTY, short16)))
                .isInstanceOf(MasterKeyProblem.class).hasMessageContaining("32 bytes").hasMessageNotContaining(short16);
    }

    @Test
    @DisplayName("a key file that does not exist is refused by name")
    void missingFile(@TempDir Path directory) {
        Path missing = directory.resolve("nowhere.key");
        assertThatThrownBy(() -> MasterKeys.required(new MockEnvironment()
                .withProperty(MasterKeys.FILE_PROPERTY, missing.toString())))
                .isInstanceOf(MasterKeyProblem.class).hasMessageContaining("nowhere.key");
    }

    @Test
    @DisplayName("a key file is created once, with a random key, readable and writable by its owner only")
    void createdOnce(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("data").resolve("master.key");

        MasterKey first = MasterKeys.createdIfAbsent(file);
        MasterKey again = MasterKeys.createdIfAbsent(file);

        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip())).hasSize(32);
        assertThat(MasterKeys.createdIfAbsent(directory.resolve("elsewhere.key"))).isNotEqualTo(first);
    }

    @Test
    @DisplayName("the new key of a rotation is looked up apart from the current one")
    void nextKey() {
        MockEnvironment environment = new MockEnvironment().withProperty(MasterKeys.PROPERTY, KEY);
        assertThat(MasterKeys.next(environment)).isEmpty();
        environment.setProperty(MasterKeys.NEW_ENVIRONMENT, OTHER);
        assertThat(MasterKeys.next(environment)).contains(MasterKey.of(OTHER));
    }

    @Test
    @DisplayName("a key's id is a stable fingerprint that differs between keys and does not contain the key")
    void fingerprint() {
        MasterKey key = MasterKey.of(KEY);
        assertThat(key.id()).hasSize(16).isEqualTo(MasterKey.of(KEY).id()).isNotEqualTo(MasterKey.of(OTHER).id());
        assertThat(KEY).doesNotContain(key.id());
    }
}
