package de.amtsraum.account.internal;

import de.amtsraum.shared.Hmac;
import de.amtsraum.runtime.LocalSecrets;
import de.amtsraum.runtime.RuntimeProperties;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256 under a secret of the installation) of a username or e-mail address per
 * tenant, so accounts are found by name (login, uniqueness) and by address (password reset) without
 * plaintext in the database. The hashes are personal data too: the projection clears them with the
 * sealed value they index.
 */
@Component
class AccountIndex {

    private final byte[] secret;

    AccountIndex(RuntimeProperties runtime, AccountProperties properties) {
        this.secret = LocalSecrets.configuredOrFile(properties.indexSecret(), runtime, "account-index-secret");
    }

    String username(String tenantId, String username) {
        return username == null ? null : hash(tenantId, "username", normalise(username));
    }

    String email(String tenantId, String email) {
        return email == null ? null : hash(tenantId, "email", normalise(email));
    }

    /** Usernames and addresses compare case-insensitively and in Unicode normal form NFKC. */
    static String normalise(String value) {
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private String hash(String tenantId, String purpose, String value) {
        return HexFormat.of().formatHex(Hmac.sha256(secret, tenantId + "\n" + purpose + "\n" + value));
    }
}
