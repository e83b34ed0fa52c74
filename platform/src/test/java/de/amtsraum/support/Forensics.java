package de.amtsraum.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Looks for values where they must not be: a full data dump of the database (every table of every
 * user schema via COPY, the data part of what pg_dump writes; the Debian pg_dump here is older than
 * the embedded server and refuses it), and every file of the PostgreSQL cluster on disk (heap,
 * indexes, WAL). Text is searched as UTF-8 and, for bytea columns, as hex.
 */
public final class Forensics {

    private Forensics() {
    }

    public static String dump(DataSource dataSource) {
        StringWriter out = new StringWriter();
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            List<String> tables = new ArrayList<>();
            try (var rows = connection.createStatement().executeQuery(
                    "select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables "
                            + "where schemaname not in ('pg_catalog', 'information_schema') order by 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                out.write("-- " + table + "\n");
                copy.copyOut("COPY " + table + " TO STDOUT", out);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("dump failed", e);
        }
        return out.toString();
    }

    /** Canaries found in the dump, as text or hex-encoded bytea. */
    public static List<String> inDump(String dump, List<String> canaries) {
        return canaries.stream().filter(canary -> dump.contains(canary)
                || dump.contains(HexFormat.of().formatHex(canary.getBytes(StandardCharsets.UTF_8)))).toList();
    }

    /** Canaries found in any file below {@code directory}, byte for byte. */
    public static List<String> onDisk(Path directory, List<String> canaries) {
        List<byte[]> needles = canaries.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (IOException vanished) {
                    continue; // temporary files come and go while the server runs
                }
                for (int i = 0; i < needles.size(); i++) {
                    if (!found.contains(canaries.get(i)) && indexOf(content, needles.get(i)) >= 0) {
                        found.add(canaries.get(i) + " in " + directory.relativize(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
