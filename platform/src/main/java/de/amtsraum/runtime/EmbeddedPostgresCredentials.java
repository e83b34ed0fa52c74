package de.amtsraum.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded cluster is created with trust authentication; any local user could connect. On the
 * first start this sets a random password for the {@code postgres} role, kept in an owner-only file
 * beside the cluster, and switches every connection to scram-sha-256.
 */
final class EmbeddedPostgresCredentials {

    static final String PASSWORD_FILE = "postgres.password";
    private static final String MARKER = "# amtsraum: password authentication";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private EmbeddedPostgresCredentials() {
    }

    static String loadOrCreatePassword(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password, StandardCharsets.US_ASCII);
        return password.toString();
    }

    /** Idempotent: does nothing once the cluster requires passwords. */
    static void requirePassword(EmbeddedPostgres postgres, Path cluster, String password)
            throws IOException, SQLException {
        Path hba = cluster.resolve("pg_hba.conf");
        if (Files.readString(hba).contains(MARKER)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // The password is generated from a fixed alphabet without quotes: safe to inline.
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(hba, String.join("\n", MARKER,
                    "local all all scram-sha-256",
                    "host  all all 127.0.0.1/32 scram-sha-256",
                    "host  all all ::1/128 scram-sha-256", ""));
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}
