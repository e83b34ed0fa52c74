package de.amtsraum.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the JVM was killed hard, its embedded PostgreSQL keeps running and holds the cluster's
 * {@code postmaster.pid}; a new start would fail on it. This stops such an orphan with a fast
 * shutdown (SIGINT: committed data is safe, open transactions of the dead JVM are rolled back).
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException unreadable) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres);
        if (orphan.isEmpty()) {
            return; // PostgreSQL itself recognises and replaces a pid file of a dead process.
        }
        log.warn("Stopping an embedded PostgreSQL left running by an earlier process (pid {})", pid);
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        CompletableFuture<ProcessHandle> exit = orphan.get().onExit();
        try {
            exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            orphan.get().destroyForcibly();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }
}
