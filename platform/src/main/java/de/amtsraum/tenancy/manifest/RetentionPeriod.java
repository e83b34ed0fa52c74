package de.amtsraum.tenancy.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An ISO-8601 duration as a manifest writes it: date-based ({@code P7D}, {@code P6M}, {@code P1Y})
 * or time-based ({@code PT48H}, {@code PT0S}). Date-based periods are calendar periods in the
 * tenant's time zone (six months after 31 August is 28 or 29 February).
 */
public final class RetentionPeriod {

    private final String text;
    private final Period period;
    private final Duration duration;

    private RetentionPeriod(String text, Period period, Duration duration) {
        this.text = text;
        this.period = period;
        this.duration = duration;
    }

    @JsonCreator
    public static RetentionPeriod parse(String text) {
        Objects.requireNonNull(text, "duration");
        String value = text.trim();
        int time = value.indexOf('T');
        if (time > 0 && value.substring(0, time).matches(".*[YMW].*")) {
            throw new IllegalArgumentException("mixes years, months or weeks with hours (" + text + "); use either a "
                    + "calendar period such as P6M or a time duration such as PT48H or P2DT12H");
        }
        try {
            if (value.contains("T")) {
                Duration duration = Duration.parse(value);
                if (duration.isNegative()) {
                    throw new IllegalArgumentException("a retention period cannot be negative: " + text);
                }
                return new RetentionPeriod(value, null, duration);
            }
            Period period = Period.parse(value);
            if (period.isNegative()) {
                throw new IllegalArgumentException("a retention period cannot be negative: " + text);
            }
            return new RetentionPeriod(value, period, null);
        } catch (DateTimeParseException malformed) {
            throw new IllegalArgumentException("not an ISO-8601 duration (e.g. P7D, P6M, PT48H): " + text, malformed);
        }
    }

    public ZonedDateTime addTo(ZonedDateTime start) {
        return period != null ? start.plus(period) : start.plus(duration);
    }

    /**
     * The earliest start whose period has run out by {@code end}: data collected at or before the
     * result is due. Used by purges that delete by a cut-off instead of scheduling each row.
     */
    public ZonedDateTime subtractFrom(ZonedDateTime end) {
        return period != null ? end.minus(period) : end.minus(duration);
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetentionPeriod that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
