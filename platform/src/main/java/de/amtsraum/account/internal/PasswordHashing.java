package de.amtsraum.account.internal;

import de.amtsraum.privacy.Redaction;
import java.util.UUID;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with Spring Security's 5.8 defaults (16-byte salt, 32-byte hash, 16 MiB, 2 iterations,
 * parallelism 1), as a PHC string. A check against an unknown account still costs one hash, so the
 * answer time does not tell whether a username exists.
 */
@Component
class PasswordHashing {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final String decoy = encoder.encode(UUID.randomUUID().toString());

    String hash(String password) {
        return encoder.encode(password);
    }

    /** @param hash the opened hash; null or redacted never matches (but costs the same time) */
    boolean matches(String password, String hash) {
        if (password == null || hash == null || Redaction.VALUE.equals(hash) || !hash.startsWith("$argon2")) {
            encoder.matches(password == null ? "" : password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
