package de.amtsraum.booking.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes one appointment as an RFC 5545 iCalendar object ({@code text/calendar}), for download or
 * as a mail attachment.
 *
 * <p>The output is a VCALENDAR holding one VEVENT, with {@code METHOD:PUBLISH} when the event has
 * an organizer: RFC 5546 requires ORGANIZER in a PUBLISH, so an event without one is written as a
 * plain calendar object without METHOD. All times are written in
 * UTC ({@code 20260604T073000Z}), so no VTIMEZONE has to be shipped; calendar programs show them in
 * the reader's own zone. Text values are escaped as RFC 5545 §3.3.11 asks (backslash, semicolon,
 * comma, line breaks); other control characters, which TEXT may not contain, are dropped. The
 * organizer's name is a quoted parameter value, with RFC 6868 escapes for {@code ^}, line breaks and
 * double quotes. Content lines end with CRLF and are folded so that no line exceeds 75 octets of
 * UTF-8, never inside a multi-byte character; a continuation line starts with one space.
 */
public final class IcsCalendar {

    /** Product identifier written as PRODID. */
    public static final String PRODID = "-//Amtsraum//Termin//DE";

    /** The longest content line in octets, CRLF not counted (RFC 5545 §3.1). */
    static final int MAX_LINE_OCTETS = 75;

    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter UTC_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsCalendar() {}

    /**
     * The iCalendar object for {@code e}.
     *
     * @throws IllegalArgumentException if the organizer e-mail or the URL cannot be written as a URI
     */
    public static String event(IcsEvent e) {
        StringBuilder out = new StringBuilder(1024);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        if (e.organizerEmail() != null) {
            // iTIP (RFC 5546 §3.2.1) requires an ORGANIZER in a PUBLISH; without one the object is a
            // plain RFC 5545 calendar file, which is what a download needs anyway.
            line(out, "METHOD:PUBLISH");
        }
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(e.uid()));
        line(out, "DTSTAMP:" + utc(e.stamp()));
        line(out, "DTSTART:" + utc(e.start().toInstant()));
        line(out, "DTEND:" + utc(e.end().toInstant()));
        line(out, "SUMMARY:" + text(e.summary()));
        if (e.location() != null) {
            line(out, "LOCATION:" + text(e.location()));
        }
        if (e.description() != null) {
            line(out, "DESCRIPTION:" + text(e.description()));
        }
        if (e.url() != null) {
            line(out, "URL:" + uri(e.url()));
        }
        if (e.organizerEmail() != null) {
            String cn = e.organizerName() == null ? "" : ";CN=" + quotedParameter(e.organizerName());
            line(out, "ORGANIZER" + cn + ":" + mailto(e.organizerEmail()));
        }
        line(out, "STATUS:CONFIRMED");
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** Appends one content line, folded at {@link #MAX_LINE_OCTETS} octets, and its CRLF. */
    static void line(StringBuilder out, String contentLine) {
        int octets = 0;
        for (int i = 0; i < contentLine.length(); ) {
            int codePoint = contentLine.codePointAt(i);
            int charCount = Character.charCount(codePoint);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.append(contentLine, i, i + charCount);
            octets += size;
            i += charCount;
        }
        out.append(CRLF);
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        if (codePoint < 0x10000) {
            return 3;
        }
        return 4;
    }

    /** A TEXT value (RFC 5545 §3.3.11). */
    static String text(String value) {
        StringBuilder s = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ';' -> s.append("\\;");
                case ',' -> s.append("\\,");
                case '\n' -> s.append("\\n");
                case '\r' -> {
                    s.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (!isDroppedControl(c)) {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /** A parameter value in double quotes, with RFC 6868 escapes for ^, line breaks and ". */
    static String quotedParameter(String value) {
        StringBuilder s = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '^' -> s.append("^^");
                case '"' -> s.append("^'");
                case '\n' -> s.append("^n");
                case '\r' -> {
                    s.append("^n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (!isDroppedControl(c)) {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** Control characters that TEXT and quoted parameter values may not hold (HTAB may stay). */
    private static boolean isDroppedControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7F;
    }

    private static String utc(Instant instant) {
        return UTC_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String mailto(String email) {
        if (email.isEmpty()
                || email.indexOf('@') <= 0
                || email.codePoints().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("Not an e-mail address: " + email);
        }
        return uri("mailto:" + email);
    }

    private static String uri(String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("Not an absolute URI: " + value);
            }
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException("Not a URI: " + value, ex);
        }
        // java.net.URI accepts no whitespace or control characters, so the value is a safe URI value.
        return value;
    }
}
