package vn.ubkt.casework.query.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.access.files.ContentStore;
import vn.ubkt.casework.query.platform.FileAlteredException;

/**
 * Serves a stored file exactly as uploaded, after checking it against the SHA-256 its event recorded: the object is
 * read through once to hash it (streaming, nothing kept), and only bytes that match are sent — a mismatch, or an
 * object gone from the store, is a 409, never a silent download.
 */
@Component
public class StoredFiles {

    private final ContentStore store;

    StoredFiles(ContentStore store) {
        this.store = store;
    }

    /** What the record says of a file. */
    public record Recorded(String id, String name, String contentType, long size, String sha256, String storageKey) {
    }

    /** Throws {@link FileAlteredException} unless the stored bytes are the recorded ones. */
    public void verify(Recorded file) {
        String actual;
        try {
            actual = store.digestOf(file.storageKey());
        } catch (NoSuchFileException e) {
            throw new FileAlteredException(file.id(), file.sha256(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!actual.equals(file.sha256())) {
            throw new FileAlteredException(file.id(), file.sha256(), actual);
        }
    }

    public InputStream open(Recorded file) throws IOException {
        return store.open(file.storageKey());
    }

    /** Writes the file to the response, in the request's own thread (no async dispatch, so one read is one audit row). */
    public void download(Recorded file, HttpServletResponse response) throws IOException {
        verify(file);
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                java.util.HexFormat.of().parseHex(file.sha256())) + ":");
        try (InputStream in = store.open(file.storageKey())) {
            in.transferTo(response.getOutputStream());
        }
    }
}
