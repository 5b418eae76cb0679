package vn.ubkt.casework.access.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The content store in a directory")
class DirectoryContentStoreTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("stores a new read-only object under a key of its own, with the size and SHA-256 of what streamed in")
    void stores() throws Exception {
        DirectoryContentStore store = new DirectoryContentStore(root);
        byte[] bytes = "Biên bản xác minh".getBytes(StandardCharsets.UTF_8);
        ContentStore.Receipt receipt = store.put(new ByteArrayInputStream(bytes), bytes.length, "text/plain", 1000);
        assertThat(receipt.size()).isEqualTo(bytes.length);
        assertThat(receipt.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        try (InputStream in = store.open(receipt.key())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store.digestOf(receipt.key())).isEqualTo(receipt.sha256());
        assertThat(Files.isWritable(root.resolve(receipt.key())) && !"root".equals(System.getProperty("user.name")))
                .isFalse();
        assertThat(store.put(new ByteArrayInputStream(bytes), bytes.length, "text/plain", 1000).key())
                .isNotEqualTo(receipt.key());
    }

    @Test
    @DisplayName("refuses past the limit and leaves nothing behind")
    void limit() {
        DirectoryContentStore store = new DirectoryContentStore(root);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2000]), -1, "application/octet-stream", 1000))
                .isInstanceOf(ContentStore.TooLarge.class);
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("a key never reaches outside the store's directory")
    void noTraversal() {
        DirectoryContentStore store = new DirectoryContentStore(root);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
