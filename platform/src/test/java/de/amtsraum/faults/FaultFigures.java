package de.amtsraum.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one fault scenario, written as JSON to {@code target/faults/<name>.json} (read by
 * {@code bench/faults.sh}). Written after the assertions too, so a failing run leaves what it saw.
 */
final class FaultFigures {

    static final Path DIRECTORY = Path.of("target", "faults");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    FaultFigures(String name) {
        this.name = name;
        put("scenario", name);
    }

    FaultFigures put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    static double seconds(long fromNanos, long toNanos) {
        return Math.round((toNanos - fromNanos) / 1e7) / 100.0;
    }

    static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 10.0) / 100.0;
    }

    void write(boolean passed) {
        figures.put("passed", passed);
        try {
            Files.createDirectories(DIRECTORY);
            JSON.writeValue(DIRECTORY.resolve(name + ".json").toFile(), figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
