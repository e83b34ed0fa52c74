package de.amtsraum.site;

import de.amtsraum.tenancy.manifest.TenantManifest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A tenant's terms of use and their version: the first twelve hex digits of the SHA-256 of the text,
 * so every change of the text is a new version that citizens accept again.
 */
public final class TermsOfUse {

    private TermsOfUse() {
    }

    /** Whether the tenant has terms of use switched on (without hashing them). */
    public static boolean offered(TenantManifest manifest) {
        return manifest.features().termsOfUse() && manifest.texts() != null && manifest.texts().termsOfUse() != null;
    }

    /** The version of the tenant's terms, when it has terms of use switched on. */
    public static Optional<String> version(TenantManifest manifest) {
        if (!offered(manifest)) {
            return Optional.empty();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(manifest.texts().termsOfUse().getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(hash).substring(0, 12));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
