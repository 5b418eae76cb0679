package vn.ubkt.casework.command.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.ubkt.casework.access.files.ContentStore;
import vn.ubkt.casework.access.files.ContentStoreConfiguration.UploadLimit;
import vn.ubkt.casework.events.files.StoredFile;

/**
 * Takes an uploaded file into the content store: streamed from the multipart part (which the servlet container
 * keeps on disk, never in memory), hashed on the way, refused past the deployment's limit. Answers what an event
 * records of it. The bytes are stored before the command runs; a command then refused leaves an object no event
 * names, which nothing ever serves. An upload's {@code Idempotency-Key} is claimed here, once the file's hash is
 * known, with the fingerprint of everything the request sent ({@link IdempotencyFilter#claimUpload}).
 */
@Component
public class Uploads {

    private static final String OCTET_STREAM = "application/octet-stream";

    private final ContentStore store;
    private final UploadLimit limit;
    private final HttpServletRequest request;
    private final IdempotencyFilter idempotency;

    Uploads(ContentStore store, UploadLimit limit, HttpServletRequest request, IdempotencyFilter idempotency) {
        this.store = store;
        this.limit = limit;
        this.request = request;
        this.idempotency = idempotency;
    }

    /** The upload is missing or empty. */
    public static final class MissingFile extends RuntimeException {
        MissingFile() {
            super("no file");
        }
    }

    public StoredFile store(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new MissingFile();
        }
        if (file.getSize() > limit.bytes()) {
            throw new TooLargeException(limit.bytes());
        }
        String type = contentType(file.getContentType());
        try (InputStream in = file.getInputStream()) {
            ContentStore.Receipt receipt = store.put(in, file.getSize(), type, limit.bytes());
            StoredFile stored = new StoredFile(name(file.getOriginalFilename()), type, receipt.size(), receipt.sha256(),
                    receipt.key(), RequestContext.of(request).actor());
            idempotency.claimUpload(request, fingerprint(request, file.getName(), stored));
            return stored;
        } catch (ContentStore.TooLarge e) {
            throw new TooLargeException(e.limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What identifies an upload for its {@code Idempotency-Key}: the method and path, every form field and query
     * parameter (sorted by name), and the file part's name with the stored file's name, type, size and SHA-256.
     * Each value is written with its length, so no two different requests run together into one fingerprint.
     */
    static String fingerprint(HttpServletRequest request, String part, StoredFile file) {
        MessageDigest digest = ContentStore.sha256();
        java.util.function.Consumer<String> add = value -> {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        };
        add.accept(request.getMethod());
        add.accept(request.getRequestURI());
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            add.accept(name);
            add.accept(String.valueOf(values.length));
            Arrays.stream(values).forEach(add);
        });
        add.accept(part);
        add.accept(file.name());
        add.accept(file.contentType());
        add.accept(String.valueOf(file.size()));
        add.accept(file.sha256());
        return ContentStore.hex(digest.digest());
    }

    /** The file's own name, without any folder a browser sent with it, printable and at most 255 characters. */
    static String name(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    static String contentType(String given) {
        return given != null && given.length() <= 200 && given.matches("[\\w.+-]+/[\\w.+-]+(;.*)?")
                ? given.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT) : OCTET_STREAM;
    }

    /** More bytes than the deployment accepts in one upload (413). */
    public static final class TooLargeException extends RuntimeException {
        public final long limit;

        TooLargeException(long limit) {
            super("larger than " + limit + " bytes");
            this.limit = limit;
        }
    }
}
