package vn.ubkt.casework.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import vn.ubkt.casework.events.files.StoredFile;

@DisplayName("An upload's fingerprint for its Idempotency-Key")
class UploadFingerprintTest {

    private static final String SHA = "a".repeat(64);

    private static MockHttpServletRequest request(String path, String... fields) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.addParameter(fields[i], fields[i + 1]);
        }
        return request;
    }

    private static StoredFile file(String name, String sha256) {
        return new StoredFile(name, "text/plain", 10, sha256, "ab/cd/key-" + name, "canbo.tu");
    }

    private static String of(MockHttpServletRequest request, StoredFile file) {
        return Uploads.fingerprint(request, "file", file);
    }

    @Test
    @DisplayName("is the same for the same fields in any order and the same file, wherever the store put it")
    void same() {
        String first = of(request("/api/cases/1/attachments", "description", "Biên bản", "supersedes", "x"),
                file("bien-ban.txt", SHA));
        String again = of(request("/api/cases/1/attachments", "supersedes", "x", "description", "Biên bản"),
                new StoredFile("bien-ban.txt", "text/plain", 10, SHA, "ef/01/another-key", "canbo.tu"));
        assertThat(again).isEqualTo(first).hasSize(64);
    }

    @Test
    @DisplayName("differs with the path, a field, the file's bytes or its name, and values never run together")
    void differs() {
        String base = of(request("/api/cases/1/attachments", "description", "Biên bản"), file("bien-ban.txt", SHA));
        assertThat(of(request("/api/cases/2/attachments", "description", "Biên bản"), file("bien-ban.txt", SHA)))
                .isNotEqualTo(base);
        assertThat(of(request("/api/cases/1/attachments", "description", "Biên bản 2"), file("bien-ban.txt", SHA)))
                .isNotEqualTo(base);
        assertThat(of(request("/api/cases/1/attachments"), file("bien-ban.txt", SHA))).isNotEqualTo(base);
        assertThat(of(request("/api/cases/1/attachments", "description", "Biên bản"), file("bien-ban.txt", "b".repeat(64))))
                .isNotEqualTo(base);
        assertThat(of(request("/api/cases/1/attachments", "description", "Biên bản"), file("bien-ban.pdf", SHA)))
                .isNotEqualTo(base);
        assertThat(of(request("/p", "ab", "c"), file("f", SHA))).isNotEqualTo(of(request("/p", "a", "bc"), file("f", SHA)));
    }
}
