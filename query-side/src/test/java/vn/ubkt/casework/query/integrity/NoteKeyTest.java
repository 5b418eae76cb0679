package vn.ubkt.casework.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Signed notes against the known answer of the reference implementation ({@code golang.org/x/mod/sumdb/note}'s
 * documentation): Ed25519 is deterministic, so the same key over the same text must give the same signature line.
 */
class NoteKeyTest {

    private static final String SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String SIGNATURE = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";

    @Test
    @DisplayName("the reference signer key gives the reference verifier key and signature, byte for byte")
    void knownAnswer() {
        NoteKey key = NoteKey.parseSigner(SIGNER);
        assertThat(key.verifierKey()).isEqualTo(VERIFIER);
        assertThat(key.signerKey()).isEqualTo(SIGNER);
        byte[] signature = NoteKey.concat(key.keyHash(), key.sign(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo(SIGNATURE);
    }

    @Test
    @DisplayName("a checkpoint signed by a key verifies under its verifier key, and not once a byte of it changed")
    void checkpointsVerify() {
        NoteKey key = NoteKey.generate("casework.test/log");
        NoteKey verifier = NoteKey.parseVerifier(key.verifierKey());
        Checkpoint checkpoint = Checkpoint.sign(key, 42, MerkleTree.leafHash(new byte[] {1}));
        assertThat(checkpoint.text()).startsWith("casework.test/log\n42\n").contains("\n\n\u2014 casework.test/log ");

        List<Checkpoint.Parsed> parsed = Checkpoint.parseAll(checkpoint.text());
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).checkpoint().treeSize()).isEqualTo(42);
        assertThat(parsed.get(0).signedBy(verifier)).isTrue();

        String forged = checkpoint.text().replace("\n42\n", "\n43\n");
        assertThat(Checkpoint.parseAll(forged).get(0).signedBy(verifier)).isFalse();
        assertThat(Checkpoint.parseAll(checkpoint.text()).get(0).signedBy(NoteKey.generate("casework.test/log")))
                .isFalse();
    }

    @Test
    @DisplayName("a checkpoint file is read note by note")
    void checkpointFiles() {
        NoteKey key = NoteKey.generate("casework.test/log");
        String file = Checkpoint.sign(key, 1, MerkleTree.emptyRoot()).text() + "\n"
                + Checkpoint.sign(key, 2, MerkleTree.emptyRoot()).text() + "\n";
        List<Checkpoint.Parsed> notes = Checkpoint.parseAll(file);
        assertThat(notes).extracting(note -> note.checkpoint().treeSize()).containsExactly(1L, 2L);
        assertThat(notes).allMatch(note -> note.signedBy(key));
    }

    @Test
    @DisplayName("a mangled key is refused")
    void mangledKeys() {
        assertThatThrownBy(() -> NoteKey.parseVerifier(VERIFIER.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKey.parseSigner(SIGNER.substring(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
