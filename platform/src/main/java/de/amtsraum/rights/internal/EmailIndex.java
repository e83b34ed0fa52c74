package de.amtsraum.rights.internal;

import de.amtsraum.runtime.LocalSecrets;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.shared.Hmac;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed blind index of a citizen's e-mail address per tenant (HMAC-SHA256, own secret in
 * {@code <data-dir>/rights-index-secret} or {@code amtsraum.rights.index-secret}): finds the records of
 * one address without storing it. Personal data itself: cleared when the address is shredded.
 */
@Component
class EmailIndex {

    private final byte[] secret;

    EmailIndex(RuntimeProperties runtime, @Value("${amtsraum.rights.index-secret:}") String configured) {
        this.secret = LocalSecrets.configuredOrFile(configured, runtime, "rights-index-secret");
    }

    String of(String tenantId, String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return HexFormat.of().formatHex(Hmac.sha256(secret, tenantId + "\n" + email.strip().toLowerCase(Locale.ROOT)));
    }
}
