package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The standalone product keeps its data and its master key in its data directory")
class StandaloneRestartIT {

    @Test
    @DisplayName("a committee registered over HTTP is still there after the process stops and starts again, with another PostgreSQL cache")
    void survivesRestart(@TempDir Path directory) throws Exception {
        try (RunningApp first = RunningApp.standaloneIn(directory)) {
            assertThat(first.http.post("/api/committees", """
                    {"id": "TU-KEEP", "name": "Tỉnh ủy Sóc Trăng", "kind": "PARTY_COMMITTEE", "level": "PROVINCIAL"}""")
                    .status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    first.http.get("/api/committees/TU-KEEP").status() == 200);
            assertThat(first.jdbc().sql("show shared_buffers").query(String.class).single()).isEqualTo("128MB");
            // a command is answered once its events are on disk: PostgreSQL's default, which zonky's builder turns off
            assertThat(first.jdbc().sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            // the embedded database's pool takes the spring.datasource.hikari settings (30 connections)
            assertThat(first.http.get("/actuator/metrics/hikaricp.connections.max").json().get("measurements").get(0)
                    .get("value").asDouble()).isEqualTo(30.0);
        }
        assertThat(Files.exists(directory.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        // the master key it made at its first start, beside the database, readable by its owner only
        Path keyFile = directory.resolve("master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String key = Files.readString(keyFile);
        // PostgreSQL's cache is a setting of the product (OPERATIONS.md); the database keeps its data across it
        try (RunningApp second = RunningApp.standaloneIn(directory, "--casework.embedded-db.shared-buffers=160MB")) {
            assertThat(second.jdbc().sql("show shared_buffers").query(String.class).single()).isEqualTo("160MB");
            Http.Response read = second.http.get("/api/committees");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().findValuesAsString("id")).contains("TU-KEEP");
            // and the command side still knows it: the same id is refused as a duplicate
            assertThat(second.http.post("/api/committees", """
                    {"id": "TU-KEEP", "name": "again", "kind": "PARTY_COMMITTEE", "level": "PROVINCIAL"}""")
                    .status()).isEqualTo(409);
        }
        assertThat(Files.readString(keyFile)).as("the same key at every start").isEqualTo(key);
    }
}
