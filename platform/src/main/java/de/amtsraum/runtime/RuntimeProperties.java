package de.amtsraum.runtime;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where embedded PostgreSQL, captured mail and local key files live
 *                ({@code AMTSRAUM_DATA_DIR}, default {@code ./data})
 */
@ConfigurationProperties(prefix = "amtsraum")
public record RuntimeProperties(Path dataDir) {

    public RuntimeProperties {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
    }

    public Path resolve(String child) {
        return dataDir.resolve(child);
    }
}
