package de.amtsraum.handover.internal;

import de.amtsraum.shared.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One-time references: HMAC-SHA256 of tenant and handover id under the installation's handover
 * secret, Base64url (43 characters, 256 bits). Random-looking to anyone without the secret, and the
 * same for every send of one handover, so a re-delivery after a failure carries the same reference.
 * Only the SHA-256 of a reference is stored.
 */
final class HandoverReferences {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    HandoverReferences(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the handover secret must have at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    String of(String tenantId, String handoverId) {
        return ENCODE.encodeToString(Hmac.sha256(secret, "case-handover|" + tenantId + "|" + handoverId));
    }

    /** Whether the text has the shape of a reference (before anything is looked up). */
    static boolean wellFormed(String reference) {
        return reference != null && SHAPE.matcher(reference).matches();
    }

    /** What the table stores: the reference's SHA-256 in hex. */
    static String hash(String reference) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(reference.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
