package de.amtsraum.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param devClientSecret secret of the embedded issuer's development clients ({@code operator-dev},
 *                        {@code <tenant>-dev}); default {@code dev}, for local use only
 * @param tokenLifetime   lifetime of access tokens from the embedded issuer (default 15 minutes)
 * @param devUserPassword password of the embedded issuer's demo staff ({@code <tenant>.sachbearbeitung},
 *                        {@code <tenant>.verwaltung}); default {@code dev-staff-2026}, local use only
 * @param devTotpSecret   base32 TOTP secret of the demo staff where the tenant requires two factors;
 *                        default {@code JBSWY3DPEHPK3PXP} (add it to an authenticator app), local use only
 */
@ConfigurationProperties(prefix = "amtsraum.security")
public record IdentityProperties(String devClientSecret, Duration tokenLifetime, String devUserPassword,
                                 String devTotpSecret) {

    public IdentityProperties {
        devClientSecret = devClientSecret == null || devClientSecret.isBlank() ? "dev" : devClientSecret;
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(15) : tokenLifetime;
        devUserPassword = devUserPassword == null || devUserPassword.isBlank() ? "dev-staff-2026" : devUserPassword;
        devTotpSecret = devTotpSecret == null || devTotpSecret.isBlank() ? "JBSWY3DPEHPK3PXP" : devTotpSecret;
    }
}
