package de.amtsraum.moderation;

import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A checked block request as staff give it: a reason (1–1,000 characters), a duration (an ISO-8601
 * period of 1 day to 10 years, e.g. {@code P7D}, {@code P30D}, {@code P1Y}, or {@code PERMANENT}) and
 * optionally a screenshot (PNG or JPEG, recognised by its first bytes, at most 2 MiB). Built only by
 * {@link #of}, which refuses anything else with German messages before anything is stored.
 *
 * @param period null for a permanent block
 * @param screenshot base64 of the image, or null
 */
public record BlockOrder(String reason, String duration, Period period, String screenshot, String screenshotType) {

    public static final String PERMANENT = "PERMANENT";
    public static final int MAX_SCREENSHOT_BYTES = 2 * 1024 * 1024;
    public static final int MAX_REASON = 1000;
    /** The durations the staff page offers. */
    public static final List<String> OFFERED = List.of("P1D", "P7D", "P30D", "P90D", "P1Y", PERMANENT);

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    /** A screenshot as uploaded ({@link #bytes}) or as sent in JSON ({@link #base64}); malformed base64 is kept as such. */
    public record Upload(byte[] bytes, boolean malformed) {
        public static Upload none() {
            return new Upload(null, false);
        }

        public static Upload bytes(byte[] bytes) {
            return new Upload(bytes == null || bytes.length == 0 ? null : bytes, false);
        }

        /** Plain base64 or a {@code data:image/...;base64,} URI; whitespace is ignored. */
        public static Upload base64(String value) {
            if (value == null || value.isBlank()) {
                return none();
            }
            String data = value.strip();
            if (data.startsWith("data:")) {
                int comma = data.indexOf(',');
                if (comma < 0 || !data.substring(0, comma).endsWith(";base64")) {
                    return new Upload(null, true);
                }
                data = data.substring(comma + 1);
            }
            // Refuse absurd sizes before decoding (base64 of 2 MiB is about 2.8 million characters).
            if (data.length() > (MAX_SCREENSHOT_BYTES / 3 + 2) * 4 + 4096) {
                return new Upload(new byte[MAX_SCREENSHOT_BYTES + 1], false);
            }
            try {
                return new Upload(Base64.getMimeDecoder().decode(data), false);
            } catch (IllegalArgumentException malformed) {
                return new Upload(null, true);
            }
        }
    }

    public static BlockOrder of(String reason, String duration, Upload screenshot) {
        List<InvalidBlockException.Problem> problems = new ArrayList<>();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            problems.add(new InvalidBlockException.Problem("reason",
                    "Bitte nennen Sie den Grund der Sperre (höchstens 1.000 Zeichen)."));
        }
        String normalized = duration == null ? "" : duration.strip().toUpperCase(Locale.ROOT);
        Period period = null;
        if (!PERMANENT.equals(normalized)) {
            period = period(normalized);
            if (period == null) {
                problems.add(new InvalidBlockException.Problem("duration",
                        "Bitte wählen Sie die Dauer der Sperre (z. B. P7D oder P30D) oder „dauerhaft“ (PERMANENT)."));
            }
        }
        String type = null;
        String encoded = null;
        if (screenshot != null && screenshot.malformed()) {
            problems.add(new InvalidBlockException.Problem("screenshot",
                    "Der Screenshot ist nicht lesbar. Bitte laden Sie ein Bild im Format PNG oder JPEG hoch."));
        } else if (screenshot != null && screenshot.bytes() != null) {
            byte[] bytes = screenshot.bytes();
            if (bytes.length > MAX_SCREENSHOT_BYTES) {
                problems.add(new InvalidBlockException.Problem("screenshot",
                        "Der Screenshot ist zu groß (höchstens 2 MB)."));
            } else if (startsWith(bytes, PNG)) {
                type = "image/png";
            } else if (startsWith(bytes, JPEG)) {
                type = "image/jpeg";
            } else {
                problems.add(new InvalidBlockException.Problem("screenshot",
                        "Der Screenshot muss ein Bild im Format PNG oder JPEG sein."));
            }
            if (type != null) {
                encoded = Base64.getEncoder().encodeToString(bytes);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidBlockException(problems);
        }
        return new BlockOrder(why, period == null ? PERMANENT : normalized, period, encoded, type);
    }

    public boolean permanent() {
        return period == null;
    }

    private static Period period(String value) {
        try {
            Period period = Period.parse(value);
            if (period.isNegative() || period.isZero() || period.toTotalMonths() > 120
                    || period.getDays() > 3660 || (period.toTotalMonths() == 0 && period.getDays() < 1)) {
                return null;
            }
            return period;
        } catch (java.time.format.DateTimeParseException malformed) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
