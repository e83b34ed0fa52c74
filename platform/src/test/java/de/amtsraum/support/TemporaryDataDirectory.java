package de.amtsraum.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own data directory (embedded PostgreSQL cluster, captured
 * mail), removed when the JVM ends. (application.yaml always defines amtsraum.data-dir, so this
 * overrides unconditionally; tests that need a fixed directory start a PlatformInstance instead.)
 */
public class TemporaryDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path directory = create();
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("temporary-data-dir", Map.of("amtsraum.data-dir", directory.toString())));
    }

    public static Path create() {
        try {
            Path directory = Files.createTempDirectory("amtsraum-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(directory)));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
