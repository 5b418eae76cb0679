package vn.ubkt.casework.standalone;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.ubkt.casework.access.vault.MasterKey;
import vn.ubkt.casework.access.vault.MasterKeys;

/**
 * The standalone always has a master key: the configured one ({@code CASEWORK_MASTER_KEY}, the property or a key
 * file), else {@code master.key} in its data directory, created with a random key, readable by its owner only, at
 * the first start. Keep a copy of that file apart from the database's backups: without it no identity can be read.
 */
@Configuration(proxyBeanMethods = false)
class StandaloneMasterKey {

    static final String DATA_DIRECTORY = "casework.data-directory";
    static final String FILE_NAME = "master.key";

    @Bean
    MasterKey masterKey(Environment environment) {
        return load(environment);
    }

    static MasterKey load(Environment environment) {
        return MasterKeys.configured(environment).orElseGet(() -> MasterKeys.createdIfAbsent(file(environment)));
    }

    static Path file(Environment environment) {
        return Path.of(environment.getProperty(DATA_DIRECTORY, "data")).resolve(FILE_NAME);
    }
}
