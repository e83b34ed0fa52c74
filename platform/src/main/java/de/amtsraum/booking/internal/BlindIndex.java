package de.amtsraum.booking.internal;

import de.amtsraum.shared.Hmac;
import de.amtsraum.runtime.LocalSecrets;
import de.amtsraum.runtime.RuntimeProperties;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Keyed hash of a citizen's e-mail address per tenant (HMAC-SHA256 with a secret in
 * {@code <data-dir>/blind-index-secret}, or {@code amtsraum.booking.blind-index-secret}), so open appointments can be counted per address without
 * storing it in plaintext. The hash is personal data too: it is cleared with the appointment's
 * personal columns when their category is shredded.
 */
@Component
class BlindIndex {

    private final byte[] secret;

    BlindIndex(RuntimeProperties runtime,
               @org.springframework.beans.factory.annotation.Value("${amtsraum.booking.blind-index-secret:}")
               String configured) {
        this.secret = LocalSecrets.configuredOrFile(configured, runtime, "blind-index-secret");
    }

    String of(String tenantId, String email) {
        if (email == null) {
            return null;
        }
        return HexFormat.of().formatHex(
                Hmac.sha256(secret, tenantId + "\n" + email.strip().toLowerCase(java.util.Locale.ROOT)));
    }
}
