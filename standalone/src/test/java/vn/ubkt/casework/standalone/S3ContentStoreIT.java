package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import vn.ubkt.casework.access.files.ContentStore;
import vn.ubkt.casework.access.files.S3ContentStore;

/**
 * The S3-compatible content store against a real S3 server: Adobe's S3Mock, started here as a process of its own
 * from the runnable jar the build copies to {@code target/s3mock} (OPERATIONS.md "The content store").
 */
@DisplayName("The content store in an S3-compatible bucket")
class S3ContentStoreIT {

    private static final String BUCKET = "casework-files";
    private static final String ACCESS_KEY = "casework";
    private static final String SECRET_KEY = "casework-secret";

    private static Process server;
    private static String endpoint;
    private static Path root;

    @BeforeAll
    static void startServer() throws Exception {
        Path jar = Path.of("target", "s3mock", "s3mock.jar").toAbsolutePath();
        assertThat(jar).as("S3Mock's jar, copied by the build (maven-dependency-plugin)").exists();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        root = Files.createTempDirectory("casework-s3mock-");
        Path log = root.resolveSibling(root.getFileName() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(),
                "--com.adobe.testing.s3mock.http-port=" + port,
                // its HTTPS connector is not used: any free port
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.max-payload-size=200MB",
                "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        endpoint = "http://127.0.0.1:" + port;
        HttpClient probe = HttpClient.newHttpClient();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(server.isAlive()).as("S3Mock running; its log: " + log).isTrue();
            try {
                return probe.send(HttpRequest.newBuilder(URI.create(endpoint + "/" + BUCKET)).method("HEAD",
                        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    private static S3ContentStore store(String prefix) {
        return new S3ContentStore(endpoint, "us-east-1", BUCKET, prefix, ACCESS_KEY, SECRET_KEY, true);
    }

    /** The same bucket reached directly, behind the store's back. */
    private static S3Client raw() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .forcePathStyle(true).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** Pseudo-random bytes made as they are read: neither the test nor the store holds them whole. */
    private static InputStream generated(long size, long seed) {
        return GeneratedBytes.stream(size, seed);
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    @DisplayName("streams an upload in with its size and SHA-256, of known length or not, and reads it back whole")
    void streams() throws Exception {
        long size = 24L * 1024 * 1024;
        String expected = sha256(generated(size, 7));
        try (S3ContentStore store = store("tests/")) {
            ContentStore.Receipt known = store.put(generated(size, 7), size, "application/octet-stream", size);
            assertThat(known.size()).isEqualTo(size);
            assertThat(known.sha256()).isEqualTo(expected);
            assertThat(sha256(store.open(known.key()))).isEqualTo(expected);
            assertThat(store.digestOf(known.key())).isEqualTo(expected);

            ContentStore.Receipt unknown = store.put(generated(size, 7), -1, "application/octet-stream", size);
            assertThat(unknown.key()).isNotEqualTo(known.key());
            assertThat(unknown.sha256()).isEqualTo(expected);
            assertThat(store.digestOf(unknown.key())).isEqualTo(expected);

            // the objects are where the prefix says, in the bucket
            try (S3Client s3 = raw()) {
                assertThat(s3.headObject(b -> b.bucket(BUCKET).key("tests/" + known.key())).contentLength())
                        .isEqualTo(size);
            }
        }
    }

    @Test
    @DisplayName("refuses an upload past the limit, of known length or not, and leaves no object behind")
    void limit() throws Exception {
        try (S3ContentStore store = store("limit/"); S3Client s3 = raw()) {
            assertThatThrownBy(() -> store.put(generated(2000, 1), 2000, "application/octet-stream", 1000))
                    .isInstanceOf(ContentStore.TooLarge.class);
            assertThatThrownBy(() -> store.put(generated(2000, 1), -1, "application/octet-stream", 1000))
                    .isInstanceOf(ContentStore.TooLarge.class);
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("limit/")).contents()).isEmpty();
        }
    }

    @Test
    @DisplayName("through the product: evidence goes to the bucket, comes back checked against its hash, "
            + "and a byte flipped in the bucket is a 409, never served")
    void throughTheProduct() throws Exception {
        try (RunningApp app = RunningApp.start("casework.files.store=s3", "casework.files.s3.endpoint=" + endpoint,
                "casework.files.s3.bucket=" + BUCKET, "casework.files.s3.prefix=product/",
                "casework.files.s3.access-key=" + ACCESS_KEY, "casework.files.s3.secret-key=" + SECRET_KEY,
                "casework.files.s3.region=us-east-1");
             S3Client s3 = raw()) {
            CaseworkScenario scenario = new CaseworkScenario(app);
            scenario.province("S3-");
            String caseId = scenario.plan("INSPECTION_FINANCE", "S3-UBKT-TU", CaseDriver.organization("S3-DU-XA"),
                    "Kiểm tra tài chính đảng", "KH 3", "2026-10-01", "2026-10-02", "2026-12-31");
            byte[] statement = ("Sao kê tài khoản của Đảng ủy xã, quý III năm 2026 — " + "0123456789".repeat(3000))
                    .getBytes(StandardCharsets.UTF_8);
            String expected = sha256(new java.io.ByteArrayInputStream(statement));
            Http.Response added = app.http.upload("/api/cases/" + caseId + "/attachments", "Sao kê quý III.txt",
                    "text/plain", statement);
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(added.json().get("sha256").asString()).isEqualTo(expected);
            String attachmentId = added.json().get("attachmentId").asString();
            assertThat(app.http.get("/api/cases/" + caseId + "/file?minVersion=" + added.json().get("version").asLong())
                    .status()).isEqualTo(200);

            Http.Download back = app.http.download("/api/cases/" + caseId + "/attachments/" + attachmentId);
            assertThat(back.status()).isEqualTo(200);
            assertThat(back.body()).isEqualTo(statement);

            // the object as the bucket holds it, then overwritten behind the store's back with one byte flipped
            String key = "product/" + app.http.get("/api/cases/" + caseId).json().get("file").get(0).get("stored")
                    .get("storageKey").asString();
            byte[] stored = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
            assertThat(stored).isEqualTo(statement);
            stored[100] ^= 0x01;
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(stored));

            Http.Download altered = app.http.download("/api/cases/" + caseId + "/attachments/" + attachmentId);
            assertThat(altered.status()).as(altered.toString()).isEqualTo(409);
            assertThat(altered.headers().get("content-type").get(0)).contains("application/problem+json");
            assertThat(altered.text()).contains("file-altered", expected);
        }
    }
}
