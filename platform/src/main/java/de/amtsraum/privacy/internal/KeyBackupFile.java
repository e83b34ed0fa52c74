package de.amtsraum.privacy.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One key backup (ADR 0029): the wrapped data keys and the tombstones of {@code subject_key} and
 * {@code shredded_key} at one moment, as gzipped JSON named {@code keys-<UTC time>.json.gz}. It holds
 * no personal data in the clear: pseudonymous ids, keys wrapped by the tenants' KEKs (kept elsewhere),
 * causes and times.
 */
record KeyBackupFile(Path path, Instant takenAt) {

    static final String FORMAT = "amtsraum-key-backup/1";
    private static final String PREFIX = "keys-";
    private static final String SUFFIX = ".json.gz";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    record Key(String tenantId, String subjectId, String categoryId, byte[] wrappedKey, Instant createdAt) {
    }

    record Tombstone(String tenantId, String subjectId, String categoryId, String cause, Instant shreddedAt) {
    }

    /** What the file says about itself. */
    record Header(Instant takenAt, Instant expiresAt) {
    }

    static Path fileName(Path directory, Instant takenAt) {
        return directory.resolve(PREFIX + STAMP.format(takenAt) + SUFFIX);
    }

    /** The key backup of this name, if it is one. */
    static Optional<KeyBackupFile> of(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try {
            Instant takenAt = Instant.from(STAMP.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
            return Optional.of(new KeyBackupFile(file, takenAt));
        } catch (DateTimeParseException notOurs) {
            return Optional.empty();
        }
    }

    /** The key backups in a directory, oldest first (none when it does not exist). */
    static List<KeyBackupFile> in(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(KeyBackupFile::of).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(KeyBackupFile::takenAt)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list key backups in " + directory, e);
        }
    }

    static Optional<KeyBackupFile> newestIn(Path directory) {
        List<KeyBackupFile> all = in(directory);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Writes one backup: the header, then every key, then every tombstone the two sources yield. */
    static void write(OutputStream target, Header header, Consumer<Consumer<Key>> keys,
                      Consumer<Consumer<Tombstone>> tombstones) throws IOException {
        try (GZIPOutputStream zipped = new GZIPOutputStream(target);
             JsonGenerator out = JSON.createGenerator(zipped)) {
            out.writeStartObject();
            out.writeStringField("format", FORMAT);
            out.writeStringField("takenAt", header.takenAt().toString());
            out.writeStringField("expiresAt", header.expiresAt().toString());
            out.writeArrayFieldStart("keys");
            keys.accept(key -> uncheck(() -> {
                out.writeStartArray();
                out.writeString(key.tenantId());
                out.writeString(key.subjectId());
                out.writeString(key.categoryId());
                out.writeString(Base64.getEncoder().encodeToString(key.wrappedKey()));
                out.writeString(key.createdAt().toString());
                out.writeEndArray();
            }));
            out.writeEndArray();
            out.writeArrayFieldStart("tombstones");
            tombstones.accept(tombstone -> uncheck(() -> {
                out.writeStartArray();
                out.writeString(tombstone.tenantId());
                out.writeString(tombstone.subjectId());
                out.writeString(tombstone.categoryId());
                out.writeString(tombstone.cause());
                out.writeString(tombstone.shreddedAt().toString());
                out.writeEndArray();
            }));
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    /** The header only (it comes first), without reading the keys. */
    Header header() {
        return read(null, null);
    }

    /**
     * Reads the file, handing over each key and tombstone; refuses anything but this format. With
     * {@code keys == null} it stops after the header.
     */
    Header read(Consumer<Key> keys, Consumer<Tombstone> tombstones) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path));
             JsonParser json = JSON.createParser(in)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            String format = null;
            Instant taken = null;
            Instant expires = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (keys == null && "keys".equals(field)) {
                    break;
                }
                switch (field) {
                    case "format" -> format = json.getText();
                    case "takenAt" -> taken = Instant.parse(json.getText());
                    case "expiresAt" -> expires = Instant.parse(json.getText());
                    case "keys" -> rows(json, row -> keys.accept(new Key(row.get(0), row.get(1), row.get(2),
                            Base64.getDecoder().decode(row.get(3)), Instant.parse(row.get(4)))));
                    case "tombstones" -> rows(json, row -> tombstones.accept(new Tombstone(row.get(0), row.get(1),
                            row.get(2), row.get(3), Instant.parse(row.get(4)))));
                    default -> json.skipChildren();
                }
                if (!FORMAT.equals(format)) {
                    throw new IllegalStateException(path.getFileName() + " is not a key backup (" + FORMAT + ")");
                }
            }
            if (taken == null || expires == null) {
                throw new IllegalStateException(path.getFileName() + " is incomplete: takenAt/expiresAt missing");
            }
            return new Header(taken, expires);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException known) {
                throw known;
            }
            throw new IllegalStateException("cannot read key backup " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void rows(JsonParser json, Consumer<List<String>> each) throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY);
        while (json.nextToken() == JsonToken.START_ARRAY) {
            List<String> row = new ArrayList<>(5);
            while (json.nextToken() == JsonToken.VALUE_STRING) {
                row.add(json.getText());
            }
            expect(json.currentToken(), JsonToken.END_ARRAY);
            if (row.size() != 5) {
                throw new IOException("row with " + row.size() + " values instead of 5");
            }
            each.accept(row);
        }
        expect(json.currentToken(), JsonToken.END_ARRAY);
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void uncheck(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
