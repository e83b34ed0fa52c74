package de.amtsraum.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param devClientSecret secret of the embedded issuer's development clients ({@code operator-dev},
 *                        {@code <tenant>-dev}); default {@code dev}, for local use only
 * @param tokenLifetime   lifetime of access tokens from the embedded issuer (default 15 minutes)
 */
@ConfigurationProperties(prefix = "amtsraum.security")
public record IdentityProperties(String devClientSecret, Duration tokenLifetime) {

    public IdentityProperties {
        devClientSecret = devClientSecret == null || devClientSecret.isBlank() ? "dev" : devClientSecret;
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(15) : tokenLifetime;
    }
}
