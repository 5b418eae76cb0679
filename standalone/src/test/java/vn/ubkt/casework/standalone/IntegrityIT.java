package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.JsonNode;
import vn.ubkt.casework.query.integrity.Checkpoint;
import vn.ubkt.casework.query.integrity.Checkpoints;
import vn.ubkt.casework.query.integrity.IntegrityCheck;
import vn.ubkt.casework.query.integrity.Ledger;
import vn.ubkt.casework.query.integrity.MerkleTree;
import vn.ubkt.casework.query.integrity.NoteKey;
import vn.ubkt.casework.query.integrity.Sealer;
import vn.ubkt.casework.query.integrity.Verifier;

/**
 * The record auditors can prove untouched (API.md 1.1, "Integrity of the record"). A store of a few thousand events,
 * with a rolled-back append (a gap), is sealed and checkpointed by the running product; then every kind of tampering a
 * database administrator could do — triggers disabled first — is done on a copy of that store, and the verifier
 * names it with its kind and the first global index concerned.
 */
@DisplayName("The record is sealed, checkpointed and verified; every kind of tampering is named where it happened")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityIT {

    private static final AtomicInteger COPIES = new AtomicInteger();

    private String source;
    private String golden;
    private String checkpointFile;
    /** The global indexes of the events, in order: leaf i sealed globalIndexes.get(i). */
    private List<Long> globalIndexes;
    private long gap;
    private long firstSize;
    private long secondSize;
    private String secondCheckpoint;
    private RunningApp app;

    @BeforeAll
    void sealAStore() throws Exception {
        // a gap timeout far beyond the test's patience: the rolled-back index must be passed because no transaction
        // that could hold it is open, not because time ran out
        RunningApp first = RunningApp.start("casework.integrity.gap-timeout=PT5M");
        source = first.jdbcUrl;
        SyntheticHistory history = new SyntheticHistory(first);
        history.registerTree();
        history.appendCases(1500);
        // a rolled-back append leaves a global index that never holds a row: the sealer waits, then records the gap
        gap = first.jdbc().sql("select nextval('domain_event_entry_seq')").query(Long.class).single();
        history.appendCases(500);
        awaitSealed(first);
        firstSize = checkpointSize(first.http.get("/api/integrity/checkpoint").body());
        history.appendCases(700);
        awaitSealed(first);
        secondCheckpoint = first.http.get("/api/integrity/checkpoint").body();
        secondSize = checkpointSize(secondCheckpoint);
        checkpointFile = Files.readString(first.checkpoints());
        globalIndexes = first.jdbc().sql("select global_index from domain_event_entry order by global_index")
                .query(Long.class).list();
        first.close();
        golden = copyOf(source);
        app = RunningApp.startOn(source, new SpringApplicationBuilder(StandaloneApplication.class));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static void awaitSealed(RunningApp app) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = app.http.get("/api/integrity/status").json();
            return status.get("lag").asLong() == 0 && status.get("sealer").asString().equals("RUNNING");
        });
    }

    private static long checkpointSize(String note) {
        return Long.parseLong(note.split("\n")[1]);
    }

    // ---------------------------------------------------------------- the running product

    @Test
    @DisplayName("the sealer seals every event in order, records the gap, and checkpoints are signed by the served key")
    void sealedAndSigned() {
        assertThat(secondSize).isEqualTo(globalIndexes.size()).isGreaterThan(firstSize).isGreaterThan(2500);
        assertThat(globalIndexes).doesNotContain(gap);
        JsonNode status = app.http.get("/api/integrity/status").json();
        assertThat(status.get("gapIndexes").asLong()).isEqualTo(1);
        assertThat(status.get("treeSize").asLong()).isEqualTo(secondSize);
        assertThat(status.get("signing").asBoolean()).isTrue();

        String key = app.http.anonymous().get("/api/integrity/key").body();
        NoteKey verifier = NoteKey.parseVerifier(key);
        assertThat(Checkpoint.parseAll(secondCheckpoint).get(0).signedBy(verifier)).isTrue();
        // every checkpoint issued is in the checkpoint file too
        assertThat(checkpointFile).contains(secondCheckpoint);
        assertThat(Checkpoint.parseAll(checkpointFile)).allMatch(note -> note.signedBy(verifier));
    }

    @Test
    @DisplayName("inclusion and consistency proofs verify against the signed roots (RFC 6962)")
    void proofs() {
        byte[] secondRoot = Checkpoint.parseAll(secondCheckpoint).get(0).checkpoint().rootHash();
        for (int leaf : new int[] {0, 1, 1499, (int) firstSize - 1, (int) secondSize - 1}) {
            long globalIndex = globalIndexes.get(leaf);
            JsonNode proof = app.http.get("/api/integrity/inclusion?globalIndex=" + globalIndex + "&treeSize=" + secondSize)
                    .json();
            assertThat(proof.get("leafIndex").asLong()).isEqualTo(leaf);
            assertThat(MerkleTree.verifyInclusion(leaf, secondSize, decode(proof.get("leafHash").asString()),
                    hashes(proof.get("hashes")), secondRoot)).as("leaf %d", leaf).isTrue();
        }
        String firstCheckpoint = Checkpoint.parseAll(checkpointFile).stream()
                .filter(note -> note.checkpoint().treeSize() == firstSize).findFirst().orElseThrow().text();
        byte[] firstRoot = Checkpoint.parseAll(firstCheckpoint).get(0).checkpoint().rootHash();
        JsonNode consistency = app.http.get("/api/integrity/consistency?from=" + firstSize + "&to=" + secondSize).json();
        assertThat(MerkleTree.verifyConsistency(firstSize, secondSize, hashes(consistency.get("hashes")), firstRoot,
                secondRoot)).isTrue();

        assertThat(app.http.get("/api/integrity/inclusion?globalIndex=" + gap + "&treeSize=" + secondSize).status())
                .isEqualTo(404);
        assertThat(app.http.get("/api/integrity/inclusion?globalIndex=1&treeSize=" + (secondSize + 10)).status())
                .isEqualTo(400);
        assertThat(app.http.get("/api/integrity/consistency?from=5&to=2").status()).isEqualTo(400);
        assertThat(app.http.get("/api/integrity/consistency?from=x&to=2").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("an untouched store verifies clean, through the API and from the command line")
    void untouchedVerifiesClean() throws Exception {
        JsonNode result = app.http.post("/api/integrity/verify", "{\"checkpoint\": " + Http.JSON.writeValueAsString(
                checkpointFile) + "}").json();
        assertThat(result.get("findings").size()).as(result.toString()).isZero();
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("checkedEvents").asLong()).isGreaterThanOrEqualTo(globalIndexes.size());
        assertThat(app.http.post("/api/integrity/verify", "").json().get("ok").asBoolean()).isTrue();

        String copy = copyOf(golden);
        Cli clean = cli(copy);
        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).startsWith("OK: " + globalIndexes.size() + " event(s) checked");
    }

    @Test
    @DisplayName("the triggers refuse UPDATE, DELETE and TRUNCATE of events and ledger, even in replica mode")
    void guards() throws SQLException {
        try (Connection connection = connect(source); Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            for (String sql : List.of("update domain_event_entry set type = type where global_index = 1",
                    "delete from domain_event_entry where global_index = 1", "truncate domain_event_entry cascade",
                    "update integrity_leaf set leaf_hash = leaf_hash", "delete from integrity_node",
                    "truncate integrity_checkpoint", "delete from integrity_gap")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
    }

    @Test
    @DisplayName("the application's own role may insert and read events, never update or delete them")
    void applicationRole() throws SQLException {
        String copy = copyOf(golden);
        try (Connection owner = connect(copy); Statement statement = owner.createStatement()) {
            statement.execute("create role casework_app login");
            statement.execute("grant usage on schema public to casework_app");
            statement.execute("grant select, insert on domain_event_entry, integrity_leaf, integrity_node, integrity_gap, "
                    + "integrity_checkpoint to casework_app");
            // the triggers are off: what refuses now is the grant alone
            statement.execute("alter table domain_event_entry disable trigger user");
        }
        org.postgresql.ds.PGSimpleDataSource asApp = new org.postgresql.ds.PGSimpleDataSource();
        asApp.setUrl(copy);
        asApp.setUser("casework_app");
        try (Connection app = asApp.getConnection(); Statement statement = app.createStatement()) {
            assertThat(app.getMetaData().getUserName()).isEqualTo("casework_app");
            assertThat(statement.executeQuery("select count(*) from domain_event_entry").next()).isTrue();
            for (String sql : List.of("update domain_event_entry set type = type where global_index = 1",
                    "delete from domain_event_entry where global_index = 1",
                    "update integrity_leaf set leaf_hash = leaf_hash where leaf_index = 0")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
    }

    // ---------------------------------------------------------------- tampering, one kind at a time

    @Nested
    @DisplayName("tampering as a DBA would, triggers disabled first")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tampering {

        @Test
        @DisplayName("a flipped byte in a payload is MODIFIED at its global index")
        void flippedByte() throws Exception {
            long at = globalIndexes.get(1234);
            assertOnly(tampered("update domain_event_entry set payload = set_byte(payload, 10, get_byte(payload, 10) # 1) "
                    + "where global_index = " + at), "MODIFIED", at);
        }

        @Test
        @DisplayName("an edited timestamp is MODIFIED at its global index")
        void editedTimestamp() throws Exception {
            long at = globalIndexes.get(77);
            assertOnly(tampered("update domain_event_entry set time_stamp = '2019-01-01T00:00:00Z' where global_index = "
                    + at), "MODIFIED", at);
        }

        @Test
        @DisplayName("a deleted row is DELETED at its global index")
        void deletedRow() throws Exception {
            long at = globalIndexes.get(900);
            assertOnly(tampered("delete from domain_event_entry where global_index = " + at), "DELETED", at);
        }

        @Test
        @DisplayName("a row inserted where the gap was is INSERTED at that global index")
        void insertedRow() throws Exception {
            assertOnly(tampered(insertAt(gap, globalIndexes.get(10))), "INSERTED", gap);
        }

        @Test
        @DisplayName("two rows whose global indexes were swapped are REORDERED at the first of them")
        void swappedRows() throws Exception {
            long a = globalIndexes.get(300);
            long b = globalIndexes.get(1700);
            assertOnly(tampered(swap(a, b)), "REORDERED", a);
        }

        @Test
        @DisplayName("a truncated tail is TRUNCATED at the first global index gone")
        void truncatedTail() throws Exception {
            long at = globalIndexes.get(globalIndexes.size() - 40);
            assertOnly(tampered("delete from domain_event_entry where global_index >= " + at), "TRUNCATED", at);
        }

        @Test
        @DisplayName("a store rewritten with its log recomputed is FORKED against the saved checkpoints, after the last that agrees")
        void rewrittenWithRecomputedHashes() throws Exception {
            long at = globalIndexes.get((int) firstSize);
            String copy = tampered("update domain_event_entry set payload = set_byte(payload, 3, get_byte(payload, 3) # 4) "
                    + "where global_index = " + at);
            // the DBA recomputes the whole log without the signing key, which is not in the database
            dba(copy, "alter table integrity_leaf disable trigger user", "alter table integrity_node disable trigger user",
                    "alter table integrity_gap disable trigger user",
                    "alter table integrity_checkpoint disable trigger user", "truncate integrity_leaf, integrity_node, "
                            + "integrity_gap, integrity_checkpoint");
            Sealer resealer = new Sealer(TestDatabase.dataSource(copy), new Checkpoints(new Ledger(
                    org.springframework.jdbc.core.simple.JdbcClient.create(TestDatabase.dataSource(copy))), Optional.empty(),
                    Optional.empty()), new Sealer.Settings(true, Duration.ofMillis(50), 1000, Duration.ofMillis(100),
                    Duration.ofDays(1)));
            resealer.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> new Ledger(org.springframework.jdbc.core.simple
                        .JdbcClient.create(TestDatabase.dataSource(copy))).size() == globalIndexes.size());
            } finally {
                resealer.stop();
            }
            // the rows and the recomputed log agree with each other; only the signed checkpoints tell
            assertOnly(copy, "FORKED", at);
        }

        @Test
        @DisplayName("a checkpoint with a bad signature is BAD_SIGNATURE, at the last event it claims to cover")
        void badSignature() throws Exception {
            String[] lines = secondCheckpoint.split("\n");
            String signature = lines[4];
            int last = signature.length() - 3;
            lines[4] = signature.substring(0, last) + (signature.charAt(last) == 'A' ? 'B' : 'A') + signature.substring(last + 1);
            String forged = String.join("\n", lines) + "\n";
            Verifier.Result result = verify(copyOf(golden), forged);
            assertThat(result.findings()).extracting(f -> f.kind().name() + "@" + f.globalIndex())
                    .containsExactly("BAD_SIGNATURE@" + globalIndexes.get((int) secondSize - 1));
        }

        @Test
        @DisplayName("random tampering of a random kind at a random place is always caught, kind and place")
        void randomTampering() throws Exception {
            long seed = Long.getLong("integrity.seed", System.nanoTime());
            Random random = new Random(seed);
            for (int trial = 0; trial < 12; trial++) {
                int n = globalIndexes.size();
                int leaf = random.nextInt(n - 2);
                long at = globalIndexes.get(leaf);
                String kind;
                String sql;
                switch (random.nextInt(6)) {
                    case 0 -> {
                        kind = "MODIFIED";
                        String column = List.of("payload", "meta_data").get(random.nextInt(2));
                        int offset = random.nextInt(20);
                        sql = "update domain_event_entry set " + column + " = set_byte(" + column + ", " + offset
                                + ", get_byte(" + column + ", " + offset + ") # " + (1 + random.nextInt(255))
                                + ") where global_index = " + at;
                    }
                    case 1 -> {
                        kind = "MODIFIED";
                        sql = "update domain_event_entry set " + List.of("aggregate_identifier = aggregate_identifier || 'x'",
                                "type = 'Forged'", "payload_revision = '2'", "sequence_number = sequence_number + 1000",
                                "payload_type = payload_type || 'x'").get(random.nextInt(5)) + " where global_index = " + at;
                    }
                    case 2 -> {
                        kind = "DELETED";
                        sql = "delete from domain_event_entry where global_index = " + at;
                    }
                    case 3 -> {
                        kind = "REORDERED";
                        int other = leaf + 1 + random.nextInt(n - leaf - 1);
                        sql = swap(at, globalIndexes.get(other));
                    }
                    case 4 -> {
                        kind = "TRUNCATED";
                        sql = "delete from domain_event_entry where global_index >= " + at;
                    }
                    default -> {
                        kind = "INSERTED";
                        at = random.nextBoolean() ? gap : 0;
                        sql = insertAt(at, globalIndexes.get(leaf));
                    }
                }
                Verifier.Result result = verify(tampered(sql), checkpointFile);
                assertThat(result.findings()).as("seed %d, trial %d: %s", seed, trial, sql)
                        .extracting(f -> f.kind().name() + "@" + f.globalIndex()).containsExactly(kind + "@" + at);
            }
        }

        @Test
        @DisplayName("the command line exits 1 and names the finding")
        void commandLineFindings() throws Exception {
            long at = globalIndexes.get(42);
            Cli result = cli(tampered("delete from domain_event_entry where global_index = " + at));
            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.output()).contains("FINDINGS").contains("DELETED at global index " + at);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void assertOnly(String copy, String kind, long globalIndex) throws SQLException {
        Verifier.Result result = verify(copy, checkpointFile);
        assertThat(result.ok()).isFalse();
        assertThat(result.findings()).extracting(f -> f.kind().name() + "@" + f.globalIndex())
                .containsExactly(kind + "@" + globalIndex);
    }

    private static Verifier.Result verify(String database, String checkpoints) throws SQLException {
        return new Verifier(TestDatabase.dataSource(database), Optional.of(RunningApp.SIGNING_KEY)).verify(checkpoints);
    }

    private record Cli(int exitCode, String output) {
    }

    private Cli cli(String database) throws Exception {
        Path file = Files.createTempFile("checkpoints-", ".log");
        Files.writeString(file, checkpointFile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = IntegrityCheck.run(new SpringApplicationBuilder(
                        vn.ubkt.casework.access.vault.MasterKeyRotation.DataSourceOnly.class),
                new PrintStream(out, true, StandardCharsets.UTF_8), IntegrityCheck.COMMAND,
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--checkpoint=" + file, "--" + "casework.integrity.verifier-key=" + RunningApp.SIGNING_KEY.verifierKey(),
                "--logging.level.root=WARN");
        return new Cli(code, out.toString(StandardCharsets.UTF_8));
    }

    private static String swap(long a, long b) {
        return "update domain_event_entry set global_index = -1 where global_index = " + a + "; "
                + "update domain_event_entry set global_index = " + a + " where global_index = " + b + "; "
                + "update domain_event_entry set global_index = " + b + " where global_index = -1";
    }

    private static String insertAt(long globalIndex, long like) {
        return """
                insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                select %d, gen_random_uuid()::text, meta_data, payload, payload_revision, payload_type, time_stamp,
                    aggregate_identifier || '-forged', sequence_number, type
                from domain_event_entry where global_index = %d""".formatted(globalIndex, like);
    }

    /** A copy of the sealed store with the DBA's statements applied, the event table's triggers disabled first. */
    private String tampered(String sql) throws SQLException {
        String copy = copyOf(golden);
        dba(copy, "alter table domain_event_entry disable trigger user", sql);
        return copy;
    }

    private static void dba(String database, String... statements) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(String database) throws SQLException {
        return TestDatabase.dataSource(database).getConnection();
    }

    private static String copyOf(String database) throws SQLException {
        String name = database.substring(database.lastIndexOf('/') + 1).split("\\?")[0];
        String copy = name + "_copy" + COPIES.incrementAndGet();
        try (Connection connection = TestDatabase.server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + copy + " template " + name);
        }
        return TestDatabase.server().getJdbcUrl("postgres", copy);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(decode(node.asString())));
        return hashes;
    }
}
