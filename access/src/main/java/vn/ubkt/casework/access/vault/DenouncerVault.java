package vn.ubkt.casework.access.vault;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The confidential store of denouncers' identities (API.md "The denouncer's identity"), one row per letter in
 * {@code confidential_denouncer}: the identity sealed under a data key of its own, the data key wrapped by the master
 * key. Shared by both sides: the command side seals and erases in the transaction of its command, the query side opens
 * for an approved reveal. Erasure destroys the wrapped key and the ciphertext; the row stays with {@code erased_at}.
 */
public class DenouncerVault implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DenouncerVault.class);

    private final JdbcClient jdbc;
    private final MasterKey key;

    public DenouncerVault(JdbcClient jdbc, MasterKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** Seals the identity of a letter's sender in the caller's transaction, and answers the row's reference. */
    public String keep(String complaintId, DenouncerIdentity identity) {
        String ref = UUID.randomUUID().toString();
        byte[] plaintext = identity.encode();
        try {
            Envelope.Sealed sealed = Envelope.seal(plaintext, key, ref);
            jdbc.sql("""
                    insert into confidential_denouncer (denouncer_ref, complaint_id, master_key_id, wrapped_key, iv, ciphertext)
                    values (:ref, :complaint, :keyId, :wrapped, :iv, :ciphertext)""")
                    .param("ref", ref).param("complaint", complaintId).param("keyId", sealed.masterKeyId())
                    .param("wrapped", sealed.wrappedKey()).param("iv", sealed.iv())
                    .param("ciphertext", sealed.ciphertext()).update();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        return ref;
    }

    /** The identity under {@code ref}; empty when there is none or it was erased. */
    public Optional<DenouncerIdentity> open(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select master_key_id, wrapped_key, iv, ciphertext from confidential_denouncer
                        where denouncer_ref = :ref and erased_at is null and wrapped_key is not null""")
                .param("ref", ref)
                .query((rs, n) -> new Envelope.Sealed(rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)))
                .optional()
                .map(sealed -> {
                    byte[] plaintext = Envelope.open(sealed, key, ref);
                    try {
                        return DenouncerIdentity.decode(plaintext);
                    } finally {
                        Arrays.fill(plaintext, (byte) 0);
                    }
                });
    }

    /**
     * Destroys the key material under {@code ref} in the caller's transaction: the wrapped data key, the IV and the
     * ciphertext. Answers whether there was something to destroy.
     */
    public boolean erase(String ref) {
        return jdbc.sql("""
                update confidential_denouncer
                set master_key_id = null, wrapped_key = null, iv = null, ciphertext = null, erased_at = now()
                where denouncer_ref = :ref and erased_at is null""")
                .param("ref", ref).update() == 1;
    }

    /** The fingerprint of the configured master key. */
    public String masterKeyId() {
        return key.id();
    }

    /** A process given another key than the one the identities were sealed with refuses to start. */
    @Override
    public void afterSingletonsInstantiated() {
        requireKeyOfTheIdentitiesOnFile();
        log.info("Denouncers' vault open under master key {}", key.id());
    }

    void requireKeyOfTheIdentitiesOnFile() {
        boolean table = jdbc.sql("select to_regclass('confidential_denouncer') is not null").query(Boolean.class).single();
        if (!table) {
            return;
        }
        List<String> others = jdbc.sql("""
                        select distinct master_key_id from confidential_denouncer
                        where master_key_id is not null and master_key_id <> :id order by master_key_id""")
                .param("id", key.id()).query(String.class).list();
        if (!others.isEmpty()) {
            throw new MasterKeyMismatch("identities on file are sealed under master key " + String.join(", ", others)
                    + ", but the configured master key is " + key.id() + ": configure the key they were sealed with"
                    + " (or, after an interrupted rotation, the new one)");
        }
    }
}
