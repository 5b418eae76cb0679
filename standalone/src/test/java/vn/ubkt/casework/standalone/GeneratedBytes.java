package vn.ubkt.casework.standalone;

import java.io.InputStream;
import java.util.Random;

/** Pseudo-random bytes made as they are read, so that a test of a large upload never holds them either. */
final class GeneratedBytes {

    private GeneratedBytes() {
    }

    /** {@code size} bytes from the given seed: the same seed gives the same bytes. */
    static InputStream stream(long size, long seed) {
        return new InputStream() {
            private final Random random = new Random(seed);
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, buffer, offset, n);
                left -= n;
                return n;
            }
        };
    }
}
