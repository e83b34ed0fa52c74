package de.amtsraum.observability.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param healthTimeout bound of one Kafka or LiveKit health check (default 2 s)
 * @param healthCache   how long a check result is reused, so probes do not hammer the systems
 *                      (default 10 s)
 * @param gaugeRefresh  pause between two refreshes of the database gauges (default 30 s)
 */
@ConfigurationProperties(prefix = "amtsraum.observability")
record ObservabilityProperties(Duration healthTimeout, Duration healthCache, Duration gaugeRefresh) {

    ObservabilityProperties {
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
        healthCache = healthCache == null ? Duration.ofSeconds(10) : healthCache;
        gaugeRefresh = gaugeRefresh == null ? Duration.ofSeconds(30) : gaugeRefresh;
        if (healthTimeout.isNegative() || healthTimeout.isZero() || healthCache.isNegative()
                || gaugeRefresh.isNegative() || gaugeRefresh.isZero()) {
            throw new IllegalArgumentException("amtsraum.observability durations must be positive");
        }
    }
}
