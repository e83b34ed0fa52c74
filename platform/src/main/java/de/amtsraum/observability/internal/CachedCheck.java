package de.amtsraum.observability.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * A health check of an optional outside system, run at most once per cache period (monotonic time,
 * not the business clock): probes of every instance every few seconds must not hammer the system.
 * A failed check reports {@link #DEGRADED}, which ADR 0028 maps to HTTP 200: the instance stays in
 * service. The last result is also the gauge {@code amtsraum.dependency.up{dependency}} (1 up, 0 not).
 */
abstract class CachedCheck implements HealthIndicator {

    /** The outside system does not answer; the platform keeps serving without it. */
    static final Status DEGRADED = new Status("DEGRADED", "optional dependency unavailable; the instance stays in service");

    private final Duration cache;
    private Health last;
    private long checkedAt;

    CachedCheck(String dependency, Duration cache, MeterRegistry meters) {
        this.cache = cache;
        meters.gauge("amtsraum.dependency.up", java.util.List.of(io.micrometer.core.instrument.Tag.of("dependency", dependency)),
                this, check -> Status.UP.equals(check.health().getStatus()) ? 1 : 0);
    }

    @Override
    public Health health() {
        return cached(this::check);
    }

    private synchronized Health cached(Supplier<Health> check) {
        long now = System.nanoTime();
        if (last == null || now - checkedAt >= cache.toNanos()) {
            last = check.get();
            checkedAt = System.nanoTime();
        }
        return last;
    }

    /** One check against the system, bounded by the configured timeout; never throws. */
    abstract Health check();
}
