package de.amtsraum.booking.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One appointment as {@link IcsCalendar#event(IcsEvent)} writes it.
 *
 * @param uid globally unique, stable identifier of the appointment (same UID on every re-send)
 * @param stamp when this iCalendar object was created (DTSTAMP)
 * @param start start of the appointment; written in UTC
 * @param end end of the appointment, after {@code start}; written in UTC
 * @param summary title shown in the calendar
 * @param location where to go, or {@code null}
 * @param description free text, may contain line breaks, or {@code null}
 * @param organizerName display name of the organizer, or {@code null}; needs {@code organizerEmail}
 * @param organizerEmail organizer's e-mail address (without {@code mailto:}), or {@code null}
 * @param url link to the appointment, e.g. for cancelling it, or {@code null}
 */
public record IcsEvent(
        String uid,
        Instant stamp,
        ZonedDateTime start,
        ZonedDateTime end,
        String summary,
        String location,
        String description,
        String organizerName,
        String organizerEmail,
        String url) {

    public IcsEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(summary, "summary");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("uid must not be blank");
        }
        if (!end.toInstant().isAfter(start.toInstant())) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        if (organizerName != null && organizerEmail == null) {
            throw new IllegalArgumentException("organizerName needs organizerEmail");
        }
    }
}
