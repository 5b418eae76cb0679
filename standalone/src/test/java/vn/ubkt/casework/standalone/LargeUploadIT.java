package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A 100 MB upload streams to the content store and back without being held in memory")
class LargeUploadIT {

    private static final long SIZE = 100L * 1024 * 1024;

    /** 100 MB of pseudo-random bytes made as they are read: the test itself never holds them either. */
    private static InputStream generated(long size) {
        return GeneratedBytes.stream(size, 42);
    }

    /** The heap's old generation: where an array of the whole upload (a humongous object) would have to live. */
    private static List<MemoryPoolMXBean> oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured")).toList();
    }

    private static long peak(List<MemoryPoolMXBean> pools) {
        return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    @Test
    @DisplayName("its SHA-256 is the one sha256sum gives, the old generation grows by far less than the file, "
            + "and the download comes back whole and checked")
    void hundredMegabytes() throws Exception {
        Path store = Files.createTempDirectory("casework-large-");
        try (RunningApp app = RunningApp.start("casework.files.directory=" + store, "casework.files.max-size=200MB")) {
            CaseworkScenario scenario = new CaseworkScenario(app);
            scenario.province("LU-");
            String caseId = scenario.plan("INSPECTION_FINANCE", "LU-UBKT-TU", CaseDriver.organization("LU-DU-XA"),
                    "Kiểm tra tài chính đảng", "KH 1", "2026-10-01", "2026-10-02", "2026-12-31");

            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            try (InputStream in = generated(SIZE)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    expected.update(buffer, 0, n);
                }
            }
            String sha256 = HexFormat.of().formatHex(expected.digest());

            List<MemoryPoolMXBean> old = oldGeneration();
            System.gc();
            old.forEach(MemoryPoolMXBean::resetPeakUsage);
            long before = peak(old);
            long started = System.nanoTime();
            Http.Response added = app.http.upload("/api/cases/" + caseId + "/attachments", "sao-ke-ngan-hang.bin",
                    "application/octet-stream", () -> generated(SIZE));
            double uploadSeconds = (System.nanoTime() - started) / 1e9;
            long grown = peak(old) - before;
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(added.json().get("size").asLong()).isEqualTo(SIZE);
            assertThat(added.json().get("sha256").asString()).isEqualTo(sha256);

            // the object in the store is what sha256sum reads on disk
            String key = app.jdbc().sql("select payload from domain_event_entry where payload_type like '%AttachmentAdded'")
                    .query((rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8)).single()
                    .replaceAll(".*\"storageKey\":\"([^\"]+)\".*", "$1");
            Process sum = new ProcessBuilder("sha256sum", store.resolve(key).toString()).start();
            assertThat(new String(sum.getInputStream().readAllBytes()).split(" ")[0]).isEqualTo(sha256);

            assertThat(app.http.get("/api/cases/" + caseId + "/file?minVersion=" + added.json().get("version").asLong())
                    .status()).isEqualTo(200);
            started = System.nanoTime();
            Http.Digest back = app.http.digest("/api/cases/" + caseId + "/attachments/"
                    + added.json().get("attachmentId").asString());
            double downloadSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(back.status()).isEqualTo(200);
            assertThat(back.size()).isEqualTo(SIZE);
            assertThat(back.sha256()).isEqualTo(sha256);
            System.out.printf("100 MB upload: %.1f s (%.0f MB/s), old generation grew %d MB; download with hash check "
                            + "%.1f s (%.0f MB/s); max heap %d MB%n", uploadSeconds, 100 / uploadSeconds, grown >> 20,
                    downloadSeconds, 100 / downloadSeconds, Runtime.getRuntime().maxMemory() >> 20);
            // a copy of the whole upload in memory would be one 100 MB array in the old generation
            assertThat(grown).as("old generation growth during the upload").isLessThan(40L * 1024 * 1024);
            // and the measure would see such a copy: one array of the file's size shows in the same pools
            old.forEach(MemoryPoolMXBean::resetPeakUsage);
            long control = peak(old);
            byte[] copy = new byte[(int) SIZE];
            copy[copy.length - 1] = 1;
            assertThat(peak(old) - control).as("a 100 MB array").isGreaterThanOrEqualTo(SIZE);
        }
    }
}
