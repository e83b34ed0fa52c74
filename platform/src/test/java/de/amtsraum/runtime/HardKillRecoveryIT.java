package de.amtsraum.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.LocalPorts;
import de.amtsraum.support.Api;
import de.amtsraum.support.TemporaryDataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, as {@code ./amtsraum run} starts it, killed with SIGKILL: its embedded
 * PostgreSQL survives as an orphan holding the cluster, and the next start must stop it, keep all
 * data and come up again.
 */
class HardKillRecoveryIT {

    private static final Path JAR = Path.of("target", "amtsraum-platform.jar").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroy();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void comesBackWithAllDataAfterSigkill() throws Exception {
        assertThat(JAR).as("packaged jar (failsafe runs after package)").exists();
        Path dataDir = TemporaryDataDirectory.create();
        int port = LocalPorts.free();

        running = start(dataDir, port);
        LocalPorts.awaitUp(running, port, START_TIMEOUT);
        Api api = new Api(port);
        String tenants = api.get("/api/v1/tenants").body();
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());

        running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("orphaned postmaster").hasValue(true);

        running = start(dataDir, port);
        LocalPorts.awaitUp(running, port, START_TIMEOUT);
        Api again = new Api(port);

        assertThat(again.get("/api/v1/tenants").body()).isEqualTo(tenants);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static Process start(Path dataDir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", JAR.toString()))
                .directory(Path.of("..").toAbsolutePath().normalize().toFile()) // repository root, like ./amtsraum run
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app-" + Instant.now().toEpochMilli() + ".log").toFile());
        builder.environment().put("AMTSRAUM_DATA_DIR", dataDir.toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return builder.start();
    }


}
