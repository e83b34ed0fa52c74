package de.amtsraum.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, six digits), the codes of
 * authenticator apps. A code of the previous or next step is accepted too, for clock drift.
 */
public final class Totp {

    private static final long STEP_SECONDS = 30;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The code for the step that contains {@code epochSecond}. */
    public static String code(String base32Secret, long epochSecond) {
        byte[] key = base32(base32Secret);
        long counter = Math.floorDiv(epochSecond, STEP_SECONDS);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether {@code candidate} is the code of the current step or a neighbouring one. */
    public static boolean verify(String base32Secret, String candidate, Clock clock) {
        if (candidate == null || !candidate.strip().matches("\\d{6}")) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        boolean match = false;
        for (long drift = -1; drift <= 1; drift++) {
            match |= MessageDigest.isEqual(code(base32Secret, now + drift * STEP_SECONDS).getBytes(),
                    candidate.strip().getBytes());
        }
        return match;
    }

    static byte[] base32(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
