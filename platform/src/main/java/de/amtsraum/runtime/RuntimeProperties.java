package de.amtsraum.runtime;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where embedded PostgreSQL, captured mail and local key files live
 *                ({@code AMTSRAUM_DATA_DIR}, default {@code ./data})
 */
@ConfigurationProperties(prefix = "amtsraum")
public record RuntimeProperties(String dataDir) {

    /** Plain file-system path (Spring's Path conversion would treat it as a resource location). */
    public Path dataDirectory() {
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath().normalize();
    }

    public Path resolve(String child) {
        return dataDirectory().resolve(child);
    }
}
