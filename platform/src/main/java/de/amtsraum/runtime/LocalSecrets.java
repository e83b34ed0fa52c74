package de.amtsraum.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Secrets of a single installation: a configured value when one is set, else 32 random bytes in a
 * file of the data directory, created once (owner-only) and shared by every instance that shares the
 * data directory.
 */
public final class LocalSecrets {

    private LocalSecrets() {
    }

    /** The configured secret's UTF-8 bytes, or the bytes of {@code <data-dir>/<fileName>}, created if missing. */
    public static byte[] configuredOrFile(String configured, RuntimeProperties runtime, String fileName) {
        return configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8)
                : file(runtime.resolve(fileName));
    }

    /** The bytes of the file, after creating it with 32 random bytes if it does not exist yet. */
    public static byte[] file(Path file) {
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
