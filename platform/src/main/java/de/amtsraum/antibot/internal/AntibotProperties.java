package de.amtsraum.antibot.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret        HMAC key of the challenges ({@code AMTSRAUM_ANTIBOT_SECRET}); unset: 32 random
 *                      bytes in {@code <data-dir>/antibot-secret}, created on first start. All
 *                      instances need the same key; changing it invalidates open challenges only
 * @param maxNumber     upper bound of the secret number of the proof of work (default 100,000: a
 *                      browser needs well under a second on average; tests set it small)
 * @param validity      how long a challenge may be solved and submitted (default 10 minutes)
 * @param purgeInterval how often used challenges that have expired are deleted (default 10 minutes)
 */
@ConfigurationProperties(prefix = "amtsraum.antibot")
record AntibotProperties(String secret, Long maxNumber, Duration validity, Duration purgeInterval) {

    AntibotProperties {
        maxNumber = maxNumber == null ? 100_000L : maxNumber;
        validity = validity == null ? Duration.ofMinutes(10) : validity;
        purgeInterval = purgeInterval == null ? Duration.ofMinutes(10) : purgeInterval;
        if (maxNumber < 1) {
            throw new IllegalArgumentException("amtsraum.antibot.max-number must be at least 1");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("amtsraum.antibot.validity must be positive");
        }
    }
}
