package vn.ubkt.casework.access.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The vault's envelope: AES-GCM under a data key per identity, the data key wrapped by the master key")
class EnvelopeTest {

    private static final DenouncerIdentity IDENTITY = new DenouncerIdentity("Nguyễn Thị Hạnh",
            "Số 14, thôn Cầu Trắng, xã Sơn Dương, tỉnh Tuyên Quang", "0912 345 678");
    private static final String REF = UUID.randomUUID().toString();

    private final MasterKey master = MasterKey.random();

    private DenouncerIdentity open(Envelope.Sealed sealed, MasterKey key, String ref) {
        return DenouncerIdentity.decode(Envelope.open(sealed, key, ref));
    }

    @Test
    @DisplayName("a sealed identity opens again, whole, with the master key it was sealed under")
    void roundTrip() {
        Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);

        assertThat(open(sealed, master, REF)).isEqualTo(IDENTITY);
        assertThat(sealed.masterKeyId()).isEqualTo(master.id());
        assertThat(sealed.iv()).hasSize(12);
        assertThat(sealed.wrappedKey()).hasSize(Envelope.WRAPPED_BYTES).hasSize(60);
    }

    @Test
    @DisplayName("an identity without address or phone opens with them still absent")
    void absentFields() {
        DenouncerIdentity nameOnly = new DenouncerIdentity("Trần Văn Lộc", null, null);
        assertThat(open(Envelope.seal(nameOnly.encode(), master, REF), master, REF)).isEqualTo(nameOnly);
        assertThat(nameOnly.hasAddress()).isFalse();
        assertThat(IDENTITY.hasAddress()).isTrue();
    }

    @Test
    @DisplayName("nothing of the identity can be read in what is stored")
    void nothingInClear() {
        Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);
        String stored = new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)
                + new String(sealed.wrappedKey(), StandardCharsets.ISO_8859_1);
        for (String part : new String[] {"Hạnh", "Nguy", "Cầu Trắng", "0912", "345 678"}) {
            assertThat(stored).doesNotContain(part)
                    .doesNotContain(new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    @DisplayName("every sealing draws a new data key and new IVs, so the same identity never looks the same twice")
    void freshKeysAndIvs() {
        Set<String> ivs = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        Set<String> wrapped = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);
            ivs.add(java.util.HexFormat.of().formatHex(sealed.iv()));
            ciphertexts.add(java.util.HexFormat.of().formatHex(sealed.ciphertext()));
            wrapped.add(java.util.HexFormat.of().formatHex(sealed.wrappedKey()));
        }
        assertThat(ivs).hasSize(50);
        assertThat(ciphertexts).hasSize(50);
        assertThat(wrapped).hasSize(50);
    }

    @Test
    @DisplayName("a ciphertext altered by one bit does not open")
    void tamperedCiphertext() {
        Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);
        Envelope.Sealed tampered = new Envelope.Sealed(sealed.masterKeyId(), sealed.wrappedKey(), sealed.iv(),
                flip(sealed.ciphertext(), 3));

        assertThatThrownBy(() -> open(tampered, master, REF)).isInstanceOf(VaultException.class)
                .hasMessageContaining("authentication failed");
    }

    @Test
    @DisplayName("an altered IV or wrapped key does not open either")
    void tamperedIvOrWrappedKey() {
        Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);
        UnaryOperator<byte[]> flip = bytes -> flip(bytes, 0);

        assertThatThrownBy(() -> open(new Envelope.Sealed(sealed.masterKeyId(), sealed.wrappedKey(),
                flip.apply(sealed.iv()), sealed.ciphertext()), master, REF)).isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> open(new Envelope.Sealed(sealed.masterKeyId(), flip(sealed.wrappedKey(), 20),
                sealed.iv(), sealed.ciphertext()), master, REF)).isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> open(new Envelope.Sealed(sealed.masterKeyId(), flip(sealed.wrappedKey(), 2),
                sealed.iv(), sealed.ciphertext()), master, REF)).isInstanceOf(VaultException.class);
    }

    @Test
    @DisplayName("a sealed identity moved to another row does not open there")
    void boundToItsRow() {
        Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);

        assertThatThrownBy(() -> open(sealed, master, UUID.randomUUID().toString()))
                .isInstanceOf(VaultException.class);
    }

    @Test
    @DisplayName("another master key does not open it: refused by the key's id, and by the cipher if the id is forged")
    void wrongMasterKey() {
        Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);
        MasterKey other = MasterKey.random();

        assertThatThrownBy(() -> open(sealed, other, REF)).isInstanceOf(VaultException.class)
                .hasMessageContaining(master.id()).hasMessageContaining(other.id());
        Envelope.Sealed forgedId = new Envelope.Sealed(other.id(), sealed.wrappedKey(), sealed.iv(), sealed.ciphertext());
        assertThatThrownBy(() -> open(forgedId, other, REF)).isInstanceOf(VaultException.class)
                .hasMessageContaining("authentication failed");
    }

    @Test
    @DisplayName("rotation re-wraps the data key: the new master key opens the same ciphertext, the old one no longer does")
    void rotation() {
        Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);
        MasterKey next = MasterKey.random();

        byte[] rewrapped = Envelope.rewrap(sealed.wrappedKey(), sealed.masterKeyId(), REF, master, next);
        Envelope.Sealed rotated = new Envelope.Sealed(next.id(), rewrapped, sealed.iv(), sealed.ciphertext());

        assertThat(open(rotated, next, REF)).isEqualTo(IDENTITY);
        assertThat(rewrapped).isNotEqualTo(sealed.wrappedKey());
        assertThatThrownBy(() -> open(new Envelope.Sealed(master.id(), rewrapped, sealed.iv(), sealed.ciphertext()),
                master, REF)).isInstanceOf(VaultException.class);
    }

    @Test
    @DisplayName("rotation from a key that did not wrap the data key is refused")
    void rotationFromTheWrongKey() {
        Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);
        MasterKey stranger = MasterKey.random();

        assertThatThrownBy(() -> Envelope.rewrap(sealed.wrappedKey(), sealed.masterKeyId(), REF, stranger,
                MasterKey.random())).isInstanceOf(VaultException.class);
    }

    @Test
    @DisplayName("plaintexts are padded to 64-byte blocks, so a longer name does not show in the length")
    void padding() {
        int shortName = new DenouncerIdentity("An", null, null).encode().length;
        int longerName = new DenouncerIdentity("Nguyễn Văn An", null, null).encode().length;
        assertThat(shortName).isEqualTo(longerName).isEqualTo(64);
    }

    @Test
    @DisplayName("neither an identity, nor a key, nor a sealed row shows its contents when printed")
    void printsNothing() {
        Envelope.Sealed sealed = Envelope.seal(IDENTITY.encode(), master, REF);
        assertThat(IDENTITY.toString()).doesNotContain("Hạnh").doesNotContain("0912").doesNotContain("Cầu");
        assertThat(master.toString()).isEqualTo("MasterKey[id=" + master.id() + "]").doesNotContain(master.encoded());
        assertThat(sealed.toString()).doesNotContain("[B@");
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
