package vn.ubkt.casework.access.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The content store in an S3-compatible bucket (AWS S3, MinIO, Ceph, …). Objects are written with
 * {@code If-None-Match: *} so an existing key is never replaced; the bucket should keep versions or an object
 * lock as well, since the product never deletes. An upload of unknown length is spooled to a temporary file
 * first (the S3 protocol wants the length), so memory stays bounded.
 */
public final class S3ContentStore implements ContentStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String endpoint;

    public S3ContentStore(String endpoint, String region, String bucket, String prefix, String accessKey,
                          String secretKey, boolean pathStyle) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(pathStyle)
                .credentialsProvider(accessKey == null || accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        this.s3 = builder.build();
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.endpoint = endpoint == null || endpoint.isBlank() ? "AWS" : endpoint;
    }

    @Override
    public Receipt put(InputStream content, long size, String contentType, long limit) throws IOException {
        String key = ContentStore.newKey();
        if (size < 0) {
            Path spool = Files.createTempFile("casework-upload-", ".part");
            try {
                CountingDigest in = new CountingDigest(content, limit);
                try (var out = Files.newOutputStream(spool)) {
                    in.transferTo(out);
                }
                s3.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType).ifNoneMatch("*"),
                        RequestBody.fromFile(spool));
                return new Receipt(key, in.count(), in.sha256());
            } finally {
                Files.deleteIfExists(spool);
            }
        }
        if (size > limit) {
            throw new TooLarge(limit);
        }
        CountingDigest in = new CountingDigest(content, limit);
        s3.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType).contentLength(size).ifNoneMatch("*"),
                RequestBody.fromInputStream(in, size));
        return new Receipt(key, in.count(), in.sha256());
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        }
    }

    @Override
    public String description() {
        return "S3 bucket " + bucket + " at " + endpoint + (prefix.isEmpty() ? "" : " under " + prefix);
    }

    @Override
    public void close() {
        s3.close();
    }
}
