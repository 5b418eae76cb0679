package vn.ubkt.casework.query.integrity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A checkpoint of the log (C2SP {@code tlog-checkpoint}) as a signed note (C2SP {@code signed-note}):
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size&gt;
 * &lt;base64 root hash&gt;
 *
 * — &lt;key name&gt; &lt;base64(key hash || Ed25519 signature)&gt;
 * </pre>
 *
 * The signature covers the text up to and including the newline before the blank line.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, String text) {

    static final String SIGNATURE_PREFIX = "\u2014 ";

    /** The text that is signed. */
    public static String body(String origin, long treeSize, byte[] rootHash) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public static Checkpoint sign(NoteKey key, long treeSize, byte[] rootHash) {
        String body = body(key.name(), treeSize, rootHash);
        byte[] signature = NoteKey.concat(key.keyHash(), key.sign(body.getBytes(StandardCharsets.UTF_8)));
        String text = body + "\n" + SIGNATURE_PREFIX + key.name() + " " + Base64.getEncoder().encodeToString(signature)
                + "\n";
        return new Checkpoint(key.name(), treeSize, rootHash, text);
    }

    /** A note as read, before its signature is judged. */
    public record Parsed(String text, String body, List<String> signatureLines, Checkpoint checkpoint, String problem) {

        /** Whether {@code key} signed this very text, with the origin being the key's log. */
        public boolean signedBy(NoteKey key) {
            if (checkpoint == null || !checkpoint.origin().equals(key.name())) {
                return false;
            }
            for (String line : signatureLines) {
                String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", 2);
                if (parts.length != 2 || !parts[0].equals(key.name())) {
                    continue;
                }
                try {
                    byte[] signature = Base64.getDecoder().decode(parts[1].strip());
                    var bare = NoteKey.matchingHash(signature, key.keyHash());
                    if (bare.isPresent() && key.verify(body.getBytes(StandardCharsets.UTF_8), bare.get())) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // not base64: not a signature by this key
                }
            }
            return false;
        }
    }

    /**
     * Every note in {@code text}: one checkpoint, or a checkpoint file (notes one after another, each followed by a
     * blank line). A note that cannot be read is answered with its problem rather than dropped, so a verifier can
     * report it.
     */
    public static List<Parsed> parseAll(String text) {
        List<Parsed> notes = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            while (i < lines.length && lines[i].isBlank()) {
                i++;
            }
            if (i >= lines.length) {
                break;
            }
            StringBuilder body = new StringBuilder();
            StringBuilder whole = new StringBuilder();
            while (i < lines.length && !lines[i].isEmpty()) {
                body.append(lines[i]).append('\n');
                i++;
            }
            whole.append(body).append('\n');
            i++; // the blank line
            List<String> signatures = new ArrayList<>();
            while (i < lines.length && lines[i].startsWith(SIGNATURE_PREFIX)) {
                signatures.add(lines[i]);
                whole.append(lines[i]).append('\n');
                i++;
            }
            notes.add(parsed(whole.toString(), body.toString(), signatures));
        }
        return notes;
    }

    private static Parsed parsed(String whole, String body, List<String> signatures) {
        String[] lines = body.split("\n");
        if (signatures.isEmpty()) {
            return new Parsed(whole, body, signatures, null, "the note has no signature line");
        }
        if (lines.length < 3) {
            return new Parsed(whole, body, signatures, null, "a checkpoint has an origin, a tree size and a root hash");
        }
        try {
            long size = Long.parseLong(lines[1]);
            byte[] root = Base64.getDecoder().decode(lines[2]);
            if (size < 0 || root.length != MerkleTree.HASH_SIZE) {
                return new Parsed(whole, body, signatures, null, "the tree size or the root hash is malformed");
            }
            return new Parsed(whole, body, signatures, new Checkpoint(lines[0], size, root, whole), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(whole, body, signatures, null, "the tree size or the root hash is malformed");
        }
    }
}
