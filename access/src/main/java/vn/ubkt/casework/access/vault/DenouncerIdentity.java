package vn.ubkt.casework.access.vault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Who sent a letter: the only personal data the vault keeps. {@link #toString()} names nobody, so the identity cannot
 * reach a log line or an exception's message by accident.
 */
public record DenouncerIdentity(String name, String address, String phone) {

    private static final byte FORMAT = 1;
    /** Plaintexts are padded to a multiple of this, so a ciphertext's length says little about a name's. */
    private static final int BLOCK = 64;

    public DenouncerIdentity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a denouncer's name is required");
        }
    }

    public boolean hasAddress() {
        return address != null && !address.isBlank();
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            field(out, name);
            field(out, address);
            field(out, phone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = bytes.toByteArray();
        int padded = (plain.length / BLOCK + 1) * BLOCK;
        byte[] result = Arrays.copyOf(plain, padded);
        Arrays.fill(plain, (byte) 0);
        return result;
    }

    static DenouncerIdentity decode(byte[] plaintext) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            if (in.readByte() != FORMAT) {
                throw new VaultException("a sealed identity has an unknown format");
            }
            return new DenouncerIdentity(field(in), field(in), field(in));
        } catch (IOException e) {
            throw new VaultException("a sealed identity is truncated");
        }
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String field(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new VaultException("a sealed identity is truncated");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DenouncerIdentity[confidential]";
    }
}
