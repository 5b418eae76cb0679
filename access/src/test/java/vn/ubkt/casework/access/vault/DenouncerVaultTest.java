package vn.ubkt.casework.access.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The vault on the real schema (the event store's Flyway migrations) in a real PostgreSQL. */
@DisplayName("The denouncers' vault in PostgreSQL: sealing, opening, erasing, and rotating the master key")
class DenouncerVaultTest {

    private static final DenouncerIdentity HANH = new DenouncerIdentity("Nguyễn Thị Hạnh", "Thôn Cầu Trắng", "0912 345 678");
    private static final DenouncerIdentity LOC = new DenouncerIdentity("Trần Văn Lộc", "Tổ 5, xã Sơn Dương", null);

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient jdbc;

    private final MasterKey key = MasterKey.random();
    private final DenouncerVault vault = new DenouncerVault(jdbc, key);

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore")
                .table("flyway_history_eventstore").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("delete from confidential_denouncer").update();
    }

    private Map<String, Object> row(String ref) {
        return jdbc.sql("select * from confidential_denouncer where denouncer_ref = :ref").param("ref", ref).query()
                .singleRow();
    }

    @Test
    @DisplayName("an identity kept is stored sealed under the master key's id and opens again whole")
    void keepAndOpen() {
        String ref = vault.keep("complaint-1", HANH);

        Map<String, Object> row = row(ref);
        assertThat(row).doesNotContainKeys("name", "address", "phone");
        assertThat(row.get("complaint_id")).isEqualTo("complaint-1");
        assertThat(row.get("master_key_id")).isEqualTo(key.id());
        assertThat((byte[]) row.get("wrapped_key")).hasSize(60);
        assertThat((byte[]) row.get("iv")).hasSize(12);
        assertThat(row.get("erased_at")).isNull();
        assertThat(vault.open(ref)).contains(HANH);
        assertThat(vault.open("no-such-ref")).isEmpty();
        assertThat(vault.open(null)).isEmpty();
    }

    @Test
    @DisplayName("erasure destroys the wrapped key, the IV and the ciphertext; the row stays with erased_at, once")
    void erase() {
        String ref = vault.keep("complaint-2", HANH);

        assertThat(vault.erase(ref)).isTrue();

        Map<String, Object> row = row(ref);
        assertThat(row.get("wrapped_key")).isNull();
        assertThat(row.get("iv")).isNull();
        assertThat(row.get("ciphertext")).isNull();
        assertThat(row.get("master_key_id")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(vault.open(ref)).isEmpty();
        assertThat(vault.erase(ref)).isFalse();
    }

    @Test
    @DisplayName("the database refuses a row half erased, or erased with key material left")
    void sealedOrErased() {
        String ref = vault.keep("complaint-3", HANH);

        assertThatThrownBy(() -> jdbc.sql("update confidential_denouncer set wrapped_key = null where denouncer_ref = :ref")
                .param("ref", ref).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update confidential_denouncer set erased_at = now() where denouncer_ref = :ref")
                .param("ref", ref).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(vault.open(ref)).contains(HANH);
    }

    @Test
    @DisplayName("one identity per complaint")
    void onePerComplaint() {
        vault.keep("complaint-4", HANH);
        assertThatThrownBy(() -> vault.keep("complaint-4", LOC)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @DisplayName("a process given another key than the identities' refuses to start; with theirs, or none on file, it starts")
    void startsOnlyWithTheRightKey() {
        vault.requireKeyOfTheIdentitiesOnFile();
        String ref = vault.keep("complaint-5", HANH);
        vault.requireKeyOfTheIdentitiesOnFile();

        DenouncerVault wrong = new DenouncerVault(jdbc, MasterKey.random());
        assertThatThrownBy(wrong::requireKeyOfTheIdentitiesOnFile).isInstanceOf(MasterKeyProblem.class)
                .hasMessageContaining(key.id()).hasMessageContaining(wrong.masterKeyId());
        assertThatThrownBy(() -> wrong.open(ref)).isInstanceOf(VaultException.class);

        vault.erase(ref);
        wrong.requireKeyOfTheIdentitiesOnFile();
    }

    @Test
    @DisplayName("rotation re-wraps every data key in one transaction: the new key opens all, the old key none")
    void rotation() throws Exception {
        String hanh = vault.keep("complaint-6", HANH);
        String loc = vault.keep("complaint-7", LOC);
        String erased = vault.keep("complaint-8", HANH);
        vault.erase(erased);
        byte[] ciphertextBefore = (byte[]) row(hanh).get("ciphertext");
        MasterKey next = MasterKey.random();

        MasterKeyRotation.Result result = MasterKeyRotation.rotate(dataSource, key, next);

        assertThat(result).isEqualTo(new MasterKeyRotation.Result(2, 0, key.id(), next.id()));
        DenouncerVault rotated = new DenouncerVault(jdbc, next);
        rotated.requireKeyOfTheIdentitiesOnFile();
        assertThat(rotated.open(hanh)).contains(HANH);
        assertThat(rotated.open(loc)).contains(LOC);
        assertThat(rotated.open(erased)).isEmpty();
        assertThat((byte[]) row(hanh).get("ciphertext")).as("the identity itself is not re-encrypted")
                .isEqualTo(ciphertextBefore);
        assertThatThrownBy(vault::requireKeyOfTheIdentitiesOnFile).isInstanceOf(MasterKeyProblem.class);
        assertThatThrownBy(() -> vault.open(hanh)).isInstanceOf(VaultException.class);

        // run again with the same keys: nothing left to do
        assertThat(MasterKeyRotation.rotate(dataSource, key, next))
                .isEqualTo(new MasterKeyRotation.Result(0, 2, key.id(), next.id()));
    }

    @Test
    @DisplayName("a rotation that meets a data key it cannot unwrap changes nothing at all")
    void rotationAllOrNothing() throws Exception {
        vault.keep("complaint-9", HANH);
        vault.keep("complaint-10", LOC);
        DenouncerVault stranger = new DenouncerVault(jdbc, MasterKey.random());
        stranger.keep("complaint-11", LOC);
        List<Map<String, Object>> before = jdbc.sql("select * from confidential_denouncer order by denouncer_ref").query()
                .listOfRows();

        assertThatThrownBy(() -> MasterKeyRotation.rotate(dataSource, key, MasterKey.random()))
                .isInstanceOf(VaultException.class).hasMessageContaining(stranger.masterKeyId());

        List<Map<String, Object>> after = jdbc.sql("select * from confidential_denouncer order by denouncer_ref").query()
                .listOfRows();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).get("master_key_id")).isEqualTo(before.get(i).get("master_key_id"));
            assertThat((byte[]) after.get(i).get("wrapped_key")).isEqualTo(before.get(i).get("wrapped_key"));
        }
    }

    @Test
    @DisplayName("rotating to the key already in use is refused")
    void rotationToTheSameKey() {
        assertThatThrownBy(() -> MasterKeyRotation.rotate(dataSource, key, MasterKey.of(key.encoded())))
                .isInstanceOf(MasterKeyProblem.class);
    }
}
