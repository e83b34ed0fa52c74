package de.amtsraum.privacy.internal;

import de.amtsraum.AmtsraumApplication;
import de.amtsraum.support.TemporaryDataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole platform for one JMH fork, started as {@code main} would (real clock, embedded
 * PostgreSQL with fsync on), bound to 127.0.0.1 on a free port, with the repository's tenants.
 *
 * <p>Data directory: {@code $AMTSRAUM_BENCH_WORK/<name>} when bench/jmh set that variable. The
 * forks of one benchmark class run one after another and share that directory, so the data a
 * benchmark needs (100,000 events, say) is stored once, by the first fork, which then writes a
 * marker file; a fork that failed half-way leaves no marker, and storing again then fails on the
 * aggregates' sequence numbers. Without the variable: a temporary directory, removed when the fork
 * ends. Each fork stops its PostgreSQL when it ends ({@link #close()}); bench/jmh stops whatever a
 * killed fork left running.
 */
final class BenchmarkPlatform implements AutoCloseable {

    private static final String MARKER = "benchmark-data.done";

    private final ConfigurableApplicationContext context;
    private final Path dataDirectory;

    private BenchmarkPlatform(ConfigurableApplicationContext context, Path dataDirectory) {
        this.context = context;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the platform on the data directory {@code name}. If no earlier fork stored the
     * benchmark's data there, {@code populate} stores it, and the platform is stopped and started
     * again: every fork then measures the same state, a platform just started on an existing
     * database (otherwise the fork that stored the data would measure with warmer caches than the
     * forks after it).
     */
    static BenchmarkPlatform start(String name, String description, Consumer<BenchmarkPlatform> populate,
                                   String... properties) {
        Path directory = dataDirectory(name);
        BenchmarkPlatform platform = launch(directory);
        if (!platform.populated()) {
            populate.accept(platform);
            platform.markPopulated(description);
            platform.close();
            platform = launch(directory, properties);
        } else if (properties.length > 0) {
            platform.close();
            platform = launch(directory, properties);
        }
        platform.settle();
        return platform;
    }

    /** @param properties {@code key=value} settings of the measuring platform (not of the one that stores the data) */
    private static BenchmarkPlatform launch(Path directory, String... properties) {
        long started = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--amtsraum.data-dir=" + directory,
                "--amtsraum.tenants.directory=" + tenantsDirectory(),
                // The periodic retention run is not part of any figure; the run after start is.
                "--amtsraum.privacy.retention-interval=PT1H",
                "--logging.level.root=WARN",
                // Warnings about development defaults at every start, noise in the JMH output.
                "--logging.level.de.amtsraum.identity.EmbeddedAuthorizationServer=ERROR",
                "--logging.level.org.springdoc=ERROR",
                "--logging.level.de.amtsraum.contact.internal.ContactRequestService=ERROR",
                "--spring.main.banner-mode=off"));
        for (String property : properties) {
            args.add("--" + property);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AmtsraumApplication.class)
                .run(args.toArray(String[]::new));
        log("platform started in %.1f s, data dir %s", (System.nanoTime() - started) / 1e9, directory);
        return new BenchmarkPlatform(context, directory);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /** Whether an earlier fork stored this benchmark's data completely. */
    private boolean populated() {
        return Files.exists(dataDirectory.resolve(MARKER));
    }

    private void markPopulated(String description) {
        try {
            Files.writeString(dataDirectory.resolve(MARKER), description + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Leaves PostgreSQL no background work from storing the data that would fall into the
     * measurements: statistics, visibility map and hint bits ({@code VACUUM ANALYZE}), dirty
     * buffers written ({@code CHECKPOINT}). Done by every fork before it measures.
     */
    private void settle() {
        long started = System.nanoTime();
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        jdbc.execute("VACUUM ANALYZE");
        jdbc.execute("CHECKPOINT");
        log("VACUUM ANALYZE and CHECKPOINT in %.1f s", (System.nanoTime() - started) / 1e9);
    }

    @Override
    public void close() {
        context.close();
    }

    static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args));
    }

    private static Path dataDirectory(String name) {
        String work = System.getenv("AMTSRAUM_BENCH_WORK");
        if (work == null || work.isBlank()) {
            return TemporaryDataDirectory.create();
        }
        Path directory = Path.of(work).toAbsolutePath().resolve(name);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tenantsDirectory() {
        String configured = System.getenv("AMTSRAUM_TENANTS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path current = Path.of("").toAbsolutePath(); current != null; current = current.getParent()) {
            if (Files.isRegularFile(current.resolve("tenants/helbra/manifest.yaml"))) {
                return current.resolve("tenants");
            }
        }
        throw new IllegalStateException("tenants/ not found above the working directory; set AMTSRAUM_TENANTS_DIR");
    }
}
