package de.amtsraum.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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

    /**
     * A 32-byte random secret kept in {@code <data-dir>/<name>} (owner-only), created on first use;
     * instances sharing the data directory share it. Used for HMAC keys (signed links, blind indexes).
     */
    public byte[] secret(String name) {
        Path file = resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.write(Files.createFile(file,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), fresh);
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
