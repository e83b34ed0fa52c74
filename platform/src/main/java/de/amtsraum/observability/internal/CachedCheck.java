package de.amtsraum.observability.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * A health check of an optional outside system (ADR 0028), run at most once per cache period
 * (monotonic time, not the business clock) on a thread of its own: probes of every instance every
 * few seconds must not hammer the system, and a probe must not wait for a slow system — Kubernetes
 * counts a probe that takes longer than its {@code timeoutSeconds} (default 1 s) as failed, which
 * would take the instance out of service after all. A probe waits at most {@link #PROBE_WAIT} for a
 * running check and otherwise gets the previous result ({@code UNKNOWN} before the first, which
 * ranks below {@code UP} and changes nothing).
 * <p>A failed check reports {@link #DEGRADED}, mapped to HTTP 200: the instance stays in service.
 * The last result is also the gauge {@code amtsraum.dependency.up{dependency}} (1 up, 0 not).
 */
abstract class CachedCheck implements HealthIndicator, AutoCloseable {

    /** The outside system does not answer; the platform keeps serving without it. */
    static final Status DEGRADED = new Status("DEGRADED", "optional dependency unavailable; the instance stays in service");

    static final Duration PROBE_WAIT = Duration.ofMillis(500);

    private final Duration cache;
    private final ExecutorService worker;
    private volatile Health last;
    private volatile long checkedAt;
    private CompletableFuture<Health> running;

    CachedCheck(String dependency, Duration cache, MeterRegistry meters) {
        this.cache = cache;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "health-" + dependency);
            thread.setDaemon(true);
            return thread;
        });
        meters.gauge("amtsraum.dependency.up", List.of(Tag.of("dependency", dependency)), this,
                check -> Status.UP.equals(check.health().getStatus()) ? 1 : 0);
    }

    @Override
    public Health health() {
        Health previous = last;
        if (previous != null && System.nanoTime() - checkedAt < cache.toNanos()) {
            return previous;
        }
        try {
            return refresh().get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            return previous != null ? previous : Health.unknown().withDetail("reason", "first check running").build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return previous != null ? previous : Health.unknown().build();
        } catch (ExecutionException impossible) {
            return Health.status(DEGRADED).withDetail("reason", "check failed").build();
        }
    }

    /** The running check, or a new one: one check at a time, however many probes ask. */
    private synchronized CompletableFuture<Health> refresh() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(() -> {
                Health result = check();
                last = result;
                checkedAt = System.nanoTime();
                return result;
            }, worker);
        }
        return running;
    }

    /** One check against the system, bounded by the configured timeout; never throws. */
    abstract Health check();

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
