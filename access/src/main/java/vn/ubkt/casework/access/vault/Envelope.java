package vn.ubkt.casework.access.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with the JDK alone: each identity under a random 256-bit data key of its own (AES/GCM/NoPadding,
 * a random 96-bit IV, a 128-bit tag), the data key wrapped the same way under the master key. Both are bound to the
 * row's reference as associated data, so a sealed identity moved to another row does not open. Destroying the
 * wrapped key destroys the identity, whatever copies of the ciphertext remain.
 */
final class Envelope {

    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int DATA_KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    /** The wrapped data key: its own IV, then the encrypted key and its tag. */
    static final int WRAPPED_BYTES = IV_BYTES + DATA_KEY_BYTES + TAG_BITS / 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the row keeps: under which master key, the wrapped data key, the identity's IV and ciphertext. */
    record Sealed(String masterKeyId, byte[] wrappedKey, byte[] iv, byte[] ciphertext) {

        @Override
        public String toString() {
            return "Sealed[masterKeyId=" + masterKeyId + ", " + ciphertext.length + " bytes]";
        }
    }

    private Envelope() {
    }

    static Sealed seal(byte[] plaintext, MasterKey master, String ref) {
        byte[] dataKey = random(DATA_KEY_BYTES);
        try {
            byte[] iv = random(IV_BYTES);
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, dataKey, iv, aad("identity", ref), plaintext);
            return new Sealed(master.id(), wrap(dataKey, master, ref), iv, ciphertext);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    static byte[] open(Sealed sealed, MasterKey master, String ref) {
        requireKey(sealed.masterKeyId(), master);
        byte[] dataKey = unwrap(sealed.wrappedKey(), master, ref);
        try {
            return gcm(Cipher.DECRYPT_MODE, dataKey, sealed.iv(), aad("identity", ref), sealed.ciphertext());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The same data key wrapped under another master key: the identity itself is not decrypted. */
    static byte[] rewrap(byte[] wrappedKey, String masterKeyId, String ref, MasterKey from, MasterKey to) {
        requireKey(masterKeyId, from);
        byte[] dataKey = unwrap(wrappedKey, from, ref);
        try {
            return wrap(dataKey, to, ref);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static byte[] wrap(byte[] dataKey, MasterKey master, String ref) {
        byte[] iv = random(IV_BYTES);
        byte[] encrypted = gcmWith(Cipher.ENCRYPT_MODE, master, iv, aad("data-key", ref), dataKey);
        return ByteBuffer.allocate(IV_BYTES + encrypted.length).put(iv).put(encrypted).array();
    }

    private static byte[] unwrap(byte[] wrapped, MasterKey master, String ref) {
        if (wrapped == null || wrapped.length != WRAPPED_BYTES) {
            throw new VaultException("a wrapped data key of " + ref + " has the wrong length");
        }
        byte[] iv = Arrays.copyOfRange(wrapped, 0, IV_BYTES);
        byte[] encrypted = Arrays.copyOfRange(wrapped, IV_BYTES, wrapped.length);
        return gcmWith(Cipher.DECRYPT_MODE, master, iv, aad("data-key", ref), encrypted);
    }

    private static void requireKey(String masterKeyId, MasterKey master) {
        if (!master.id().equals(masterKeyId)) {
            throw new VaultException("sealed under master key " + masterKeyId + ", not under the configured key "
                    + master.id());
        }
    }

    private static byte[] gcm(int mode, byte[] key, byte[] iv, byte[] aad, byte[] input) {
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        return run(mode, spec, iv, aad, input);
    }

    private static byte[] gcmWith(int mode, MasterKey master, byte[] iv, byte[] aad, byte[] input) {
        return run(mode, master.secretKey(), iv, aad, input);
    }

    private static byte[] run(int mode, java.security.Key key, byte[] iv, byte[] aad, byte[] input) {
        if (iv == null || iv.length != IV_BYTES) {
            throw new VaultException("an IV has the wrong length");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            // no detail from the provider: nothing of the data may reach a message
            throw new VaultException("authentication failed: the wrong master key, or altered data");
        } catch (GeneralSecurityException e) {
            throw new VaultException("AES-GCM failed: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] aad(String purpose, String ref) {
        return ("casework/denouncer/v1/" + purpose + "/" + ref).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
