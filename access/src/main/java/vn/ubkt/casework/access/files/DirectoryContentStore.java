package vn.ubkt.casework.access.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The content store in a directory (by default {@code <data directory>/files}). Each object is created new
 * ({@code CREATE_NEW}: an existing one is never opened for writing), forced to disk, and then made read-only.
 */
public final class DirectoryContentStore implements ContentStore {

    private final Path root;

    public DirectoryContentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new IllegalStateException("the content store's directory " + this.root + " cannot be created", e);
        }
    }

    @Override
    public Receipt put(InputStream content, long size, String contentType, long limit) throws IOException {
        String key = ContentStore.newKey();
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        CountingDigest in = new CountingDigest(content, limit);
        boolean written = false;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            in.transferTo(out);
            channel.force(true);
            written = true;
        } finally {
            if (!written) {
                // never recorded by an event, so never part of the record: a partial upload leaves nothing
                Files.deleteIfExists(target);
            }
        }
        target.toFile().setWritable(false, false);
        return new Receipt(key, in.count(), in.sha256());
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path path = resolve(key);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(key);
        }
        return Files.newInputStream(path);
    }

    /** A key names a file inside the root, never outside it. */
    Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("not a key of this store: " + key);
        }
        return path;
    }

    @Override
    public String description() {
        return "directory " + root;
    }
}
