package de.amtsraum.edge.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled           record requests at all (default true)
 * @param platformRetention how long records outside a tenant are kept (platform bucket), and records
 *                          of a tenant whose manifest has no {@code COLLECTED} rule for {@code ACCESS_LOG}
 *                          (default 7 days)
 * @param flushInterval     pause between two batch writes (default 2 seconds)
 * @param purgeInterval     pause between two retention purges (default 15 minutes)
 * @param bufferSize        records kept in memory between writes; beyond it records are dropped and
 *                          the drop is counted in a WARN line (default 10,000)
 */
@ConfigurationProperties(prefix = "amtsraum.edge.request-log")
record RequestLogProperties(Boolean enabled, Duration platformRetention, Duration flushInterval,
                            Duration purgeInterval, Integer bufferSize) {

    RequestLogProperties {
        enabled = enabled == null || enabled;
        platformRetention = platformRetention == null ? Duration.ofDays(7) : platformRetention;
        flushInterval = flushInterval == null ? Duration.ofSeconds(2) : flushInterval;
        purgeInterval = purgeInterval == null ? Duration.ofMinutes(15) : purgeInterval;
        bufferSize = bufferSize == null ? 10_000 : bufferSize;
        if (platformRetention.isNegative() || bufferSize < 1) {
            throw new IllegalArgumentException("amtsraum.edge.request-log: platform-retention must not be negative, "
                    + "buffer-size must be at least 1");
        }
    }
}
