package de.amtsraum.identity;

import de.amtsraum.shared.Hmac;
import de.amtsraum.runtime.LocalSecrets;
import de.amtsraum.runtime.RuntimeProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tokens for links in citizen mail (withdraw, manage): they name a purpose, a tenant and an opaque
 * id, expire, and are HMAC-SHA256 signed with a secret kept in {@code <data-dir>/link-secret}
 * (owner-only; shared by all instances through the data directory or set as
 * {@code AMTSRAUM_LINKS_SECRET}). A token carries no personal data.
 */
@Component
public class SignedLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    SignedLinks(RuntimeProperties runtime, Clock clock,
                @org.springframework.beans.factory.annotation.Value("${amtsraum.links.secret:}") String configured) {
        this.secret = LocalSecrets.configuredOrFile(configured, runtime, "link-secret");
        this.clock = clock;
    }

    public String issue(String purpose, String tenantId, String id, Duration validity) {
        String payload = purpose + "|" + tenantId + "|" + id + "|" + clock.instant().plus(validity).getEpochSecond();
        return ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The id, when the token is genuine, unexpired, and for this purpose and tenant. */
    public Optional<String> verify(String token, String purpose, String tenantId) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(DECODE.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(mac(payload), DECODE.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\|");
            if (parts.length != 4 || !parts[0].equals(purpose) || !parts[1].equals(tenantId)
                    || clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(parts[3])))) {
                return Optional.empty();
            }
            return Optional.of(parts[2]);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        return Hmac.sha256(secret, payload);
    }
}
