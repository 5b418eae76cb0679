package vn.ubkt.casework.access.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Reads an upload through, hashing and counting every byte, and refuses to read past the limit. */
final class CountingDigest extends FilterInputStream {

    private final MessageDigest digest = ContentStore.sha256();
    private final long limit;
    private long count;

    CountingDigest(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            counted(n);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(int n) throws IOException {
        count += n;
        if (count > limit) {
            throw new ContentStore.TooLarge(limit);
        }
    }

    long count() {
        return count;
    }

    String sha256() {
        return ContentStore.hex(digest.digest());
    }
}
