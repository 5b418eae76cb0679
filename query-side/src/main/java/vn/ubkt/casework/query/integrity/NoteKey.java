package vn.ubkt.casework.query.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An Ed25519 key of a signed note (C2SP {@code signed-note}), from the JDK alone. Written as the Go tooling writes it
 * ({@code golang.org/x/mod/sumdb/note}), so a checkpoint can be checked by any witness or {@code note} verifier:
 * the signer key {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>}, the verifier key
 * {@code <name>+<hash>+<base64(0x01 || public key)>}, where the hash is the first four bytes of
 * {@code SHA-256(name || "\n" || 0x01 || public key)}.
 */
public final class NoteKey {

    private static final byte ED25519 = 0x01;
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] publicKey;
    private final PrivateKey privateKey;
    private final PublicKey jcaPublicKey;
    private final byte[] keyHash;

    private NoteKey(String name, byte[] publicKey, PrivateKey privateKey) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a note key's name has no spaces and no '+': " + name);
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.privateKey = privateKey;
        this.keyHash = keyHash(name, publicKey);
        try {
            this.jcaPublicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX,
                    publicKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** A new random signing key. */
    public static NoteKey generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return fromSeed(name, seed);
    }

    /** The signing key written as {@code PRIVATE+KEY+<name>+<hash>+<base64>}. */
    public static NoteKey parseSigner(String text) {
        String value = text.strip();
        if (!value.startsWith(PRIVATE_PREFIX)) {
            throw new IllegalArgumentException("a signing key starts with " + PRIVATE_PREFIX);
        }
        String[] parts = value.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a signing key is PRIVATE+KEY+<name>+<hash>+<key>");
        }
        byte[] key = Base64.getDecoder().decode(parts[2]);
        if (key.length != 33 || key[0] != ED25519) {
            throw new IllegalArgumentException("not an Ed25519 signing key");
        }
        NoteKey parsed = fromSeed(parts[0], Arrays.copyOfRange(key, 1, 33));
        if (!parsed.hashHex().equals(parts[1])) {
            throw new IllegalArgumentException("the signing key's hash does not match its key");
        }
        return parsed;
    }

    /** A key that can only verify: {@code <name>+<hash>+<base64(0x01 || public key)>}. */
    public static NoteKey parseVerifier(String text) {
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<hash>+<key>");
        }
        byte[] key = Base64.getDecoder().decode(parts[2]);
        if (key.length != 33 || key[0] != ED25519) {
            throw new IllegalArgumentException("not an Ed25519 verifier key");
        }
        NoteKey parsed = new NoteKey(parts[0], Arrays.copyOfRange(key, 1, 33), null);
        if (!parsed.hashHex().equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's hash does not match its key");
        }
        return parsed;
    }

    private static NoteKey fromSeed(String name, byte[] seed) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            // The JDK derives the public key only while generating a pair: it is given the seed as its randomness.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] publicKey = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            NoteKey key = new NoteKey(name, publicKey, privateKey);
            byte[] probe = "casework note key".getBytes(StandardCharsets.US_ASCII);
            if (!key.verify(probe, key.sign(probe))) {
                throw new IllegalStateException("the Ed25519 public key could not be derived from the seed");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    public String name() {
        return name;
    }

    public byte[] keyHash() {
        return keyHash.clone();
    }

    public boolean canSign() {
        return privateKey != null;
    }

    public String hashHex() {
        return HexFormat.of().formatHex(keyHash);
    }

    /** The verifier key, to be given to whoever checks the checkpoints. */
    public String verifierKey() {
        return name + "+" + hashHex() + "+" + Base64.getEncoder().encodeToString(concat(new byte[] {ED25519}, publicKey));
    }

    /** The signing key in its text form (kept in a file or the environment, never in the database). */
    public String signerKey() {
        if (privateKey == null) {
            throw new IllegalStateException("a verifier key cannot sign");
        }
        byte[] seed = seed();
        return PRIVATE_PREFIX + name + "+" + hashHex() + "+" + Base64.getEncoder().encodeToString(concat(new byte[] {ED25519},
                seed));
    }

    private byte[] seed() {
        // PKCS#8 of an Ed25519 key: a fixed 16-byte header, then the 32-byte seed
        byte[] encoded = privateKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    public byte[] sign(byte[] message) {
        if (privateKey == null) {
            throw new IllegalStateException("a verifier key cannot sign");
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(byte[] message, byte[] sig) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(jcaPublicKey);
            signature.update(message);
            return signature.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** This key without its private half. */
    public NoteKey verifierOnly() {
        return new NoteKey(name, publicKey, null);
    }

    static byte[] keyHash(String name, byte[] publicKey) {
        var sha = MerkleTree.sha256();
        sha.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(ED25519);
        sha.update(publicKey);
        return Arrays.copyOf(sha.digest(), 4);
    }

    static Optional<byte[]> matchingHash(byte[] signature, byte[] keyHash) {
        return signature.length > 4 && Arrays.equals(Arrays.copyOf(signature, 4), keyHash)
                ? Optional.of(Arrays.copyOfRange(signature, 4, signature.length)) : Optional.empty();
    }

    static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    /** Randomness that yields the given bytes: how the JDK is made to derive the public key of a known seed. */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, Math.min(out.length, bytes.length));
        }
    }
}
