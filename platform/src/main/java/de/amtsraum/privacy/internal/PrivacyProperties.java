package de.amtsraum.privacy.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keyCacheSize      unwrapped data keys kept in memory (default 10,000)
 * @param retentionInterval how often due retention deadlines are looked for (default 1 minute; bound
 *                          here so a malformed value fails the start, read by RetentionRunner's
 *                          {@code @Scheduled} from the same key; also
 *                          once right after start, for deadlines that fell due during downtime)
 */
@ConfigurationProperties(prefix = "amtsraum.privacy")
record PrivacyProperties(Long keyCacheSize, Duration retentionInterval) {

    PrivacyProperties {
        keyCacheSize = keyCacheSize == null ? 10_000L : keyCacheSize;
        retentionInterval = retentionInterval == null ? Duration.ofMinutes(1) : retentionInterval;
    }
}
