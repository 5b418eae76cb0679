package vn.ubkt.casework.access.files;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The content store both sides share (OPERATIONS.md "The content store"): {@code casework.files.store=directory}
 * (the default) keeps files in {@code casework.files.directory}, by default {@code <data directory>/files};
 * {@code s3} keeps them in the bucket {@code casework.files.s3.*} names. {@code casework.files.max-size}
 * (default 50MB) limits one upload.
 */
// before Boot's multipart defaults (1 MB, parsed before any interceptor), which back off when these beans exist
@AutoConfiguration(beforeName = "org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration")
public class ContentStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ContentStoreConfiguration.class);

    /** The largest upload the deployment accepts, in bytes. */
    public record UploadLimit(long bytes) {
    }

    @Bean
    @ConditionalOnMissingBean
    UploadLimit uploadLimit(Environment environment) {
        return new UploadLimit(DataSize.parse(environment.getProperty("casework.files.max-size", "50MB")).toBytes());
    }

    /**
     * Uploads are written to disk by the servlet container from the first byte (never held in memory), and one
     * file may be as large as the limit. The request is parsed only when a controller asks for its parts: after
     * the access checks, so a caller outside the jurisdiction is refused before anything is received.
     */
    @Bean
    @ConditionalOnMissingBean
    jakarta.servlet.MultipartConfigElement multipartConfigElement(UploadLimit limit) {
        org.springframework.boot.servlet.MultipartConfigFactory factory = new org.springframework.boot.servlet.MultipartConfigFactory();
        factory.setFileSizeThreshold(DataSize.ofBytes(0));
        factory.setMaxFileSize(DataSize.ofBytes(limit.bytes()));
        factory.setMaxRequestSize(DataSize.ofBytes(limit.bytes() + DataSize.ofMegabytes(1).toBytes()));
        return factory.createMultipartConfig();
    }

    @Bean(name = org.springframework.web.servlet.DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(org.springframework.web.multipart.MultipartResolver.class)
    org.springframework.web.multipart.support.StandardServletMultipartResolver multipartResolver() {
        org.springframework.web.multipart.support.StandardServletMultipartResolver resolver =
                new org.springframework.web.multipart.support.StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }

    @Bean
    @ConditionalOnMissingBean
    ContentStore contentStore(Environment environment) {
        String kind = environment.getProperty("casework.files.store", "directory");
        ContentStore store = switch (kind) {
            case "directory" -> new DirectoryContentStore(Path.of(environment.getProperty("casework.files.directory",
                    environment.getProperty("casework.data-directory", "data") + "/files")));
            case "s3" -> new S3ContentStore(environment.getProperty("casework.files.s3.endpoint"),
                    environment.getProperty("casework.files.s3.region"),
                    environment.getRequiredProperty("casework.files.s3.bucket"),
                    environment.getProperty("casework.files.s3.prefix", ""),
                    environment.getProperty("casework.files.s3.access-key"),
                    environment.getProperty("casework.files.s3.secret-key"),
                    environment.getProperty("casework.files.s3.path-style", Boolean.class, true));
            default -> throw new IllegalStateException("casework.files.store must be 'directory' or 's3', not " + kind);
        };
        log.info("Content store: {}", store.description());
        return store;
    }
}
