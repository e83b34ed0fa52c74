package de.amtsraum.booking.internal;

import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.BookingSettings;
import de.amtsraum.tenancy.manifest.TenantManifest.Location;
import de.amtsraum.tenancy.manifest.TenantManifest.OpeningHours;
import de.amtsraum.tenancy.manifest.TenantManifest.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bookable calendar of one service, computed from the tenant's manifest alone: opening hours
 * per weekday with their capacity (parallel counters), closed days (public holidays of the tenant's
 * Bundesland and the location's own closures), slot length (duration plus buffer), booking window
 * and minimum notice. Capacity is counted in {@link #UNIT} steps, so services of different lengths
 * share a location's counters exactly (per-unit counts within capacity guarantee a counter
 * assignment, since appointments are intervals).
 */
final class BookingCalendar {

    static final Duration UNIT = Duration.ofMinutes(5);

    /** A service with the location it is held at and the tenant's rules. */
    record Bookable(TenantManifest manifest, Service service, Location location) {

        BookingSettings settings() {
            return manifest.booking();
        }

        ZoneId zone() {
            return manifest.timeZone();
        }

        String locationResource() {
            return "location:" + location.id();
        }
    }

    /** A slot as the calendar offers it, before counting bookings. */
    record Candidate(ZonedDateTime start, ZonedDateTime end, Instant occupiedUntil, int capacity) {

        List<Instant> units() {
            return BookingCalendar.units(start.toInstant(), occupiedUntil);
        }
    }

    private BookingCalendar() {
    }

    /**
     * The service and where it is held: its own location, or, for a video service without one, the
     * tenant's first location (whose opening hours are the staff's consultation hours).
     */
    static Optional<Bookable> bookable(TenantManifest manifest, String serviceId) {
        if (manifest.booking() == null || !manifest.features().booking() || manifest.locations().isEmpty()) {
            return Optional.empty();
        }
        return manifest.services().stream().filter(service -> service.id().equals(serviceId)).findFirst()
                .map(service -> new Bookable(manifest, service, location(manifest, service)));
    }

    static Location location(TenantManifest manifest, Service service) {
        return manifest.locations().stream()
                .filter(location -> location.id().equals(service.location())).findFirst()
                .orElse(manifest.locations().getFirst());
    }

    static boolean closed(Bookable bookable, LocalDate day) {
        return bookable.location().closedDays().contains(day)
                || PublicHolidays.isHoliday(bookable.manifest().state(), day);
    }

    /** Every slot of the day, whatever is booked; empty on closed days. */
    static List<Candidate> candidates(Bookable bookable, LocalDate day) {
        if (closed(bookable, day)) {
            return List.of();
        }
        Duration length = Duration.ofMinutes(bookable.service().durationMinutes());
        Duration buffer = Duration.ofMinutes(bookable.settings().bufferMinutes());
        List<Candidate> candidates = new ArrayList<>();
        for (OpeningHours hours : bookable.location().openingHours()) {
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            LocalTime at = hours.from();
            while (!at.plus(length).isAfter(hours.to()) && !at.plus(length).isBefore(at)) {
                ZonedDateTime start = day.atTime(at).atZone(bookable.zone());
                ZonedDateTime end = start.plus(length);
                candidates.add(new Candidate(start, end, end.plus(buffer).toInstant(), hours.capacity()));
                LocalTime next = at.plus(length).plus(buffer);
                if (!next.isAfter(at)) {
                    break;
                }
                at = next;
            }
        }
        candidates.sort((a, b) -> a.start().compareTo(b.start()));
        return candidates;
    }

    /** The calendar's slot starting exactly at {@code start}, if there is one. */
    static Optional<Candidate> candidateAt(Bookable bookable, Instant start) {
        LocalDate day = start.atZone(bookable.zone()).toLocalDate();
        return candidates(bookable, day).stream().filter(c -> c.start().toInstant().equals(start)).findFirst();
    }

    /** Whether a slot may be booked now: not in the past, minimum notice kept, inside the booking window. */
    static boolean withinWindow(Bookable bookable, ZonedDateTime start, Instant now) {
        BookingSettings settings = bookable.settings();
        if (start.toInstant().isBefore(now.plus(Duration.ofHours(settings.minimumNoticeHours())))
                || !start.toInstant().isAfter(now)) {
            return false;
        }
        LocalDate today = now.atZone(bookable.zone()).toLocalDate();
        return !start.toLocalDate().isAfter(today.plusDays(settings.bookingWindowDays()));
    }

    /** The first day of the booking window and its last day, in the tenant's zone. */
    static LocalDate lastBookableDay(Bookable bookable, Instant now) {
        return now.atZone(bookable.zone()).toLocalDate().plusDays(bookable.settings().bookingWindowDays());
    }

    /** The capacity units an appointment from {@code start} occupying until {@code until} uses. */
    static List<Instant> units(Instant start, Instant until) {
        long unitSeconds = UNIT.toSeconds();
        Instant first = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), unitSeconds) * unitSeconds);
        List<Instant> units = new ArrayList<>();
        for (Instant unit = first; unit.isBefore(until); unit = unit.plus(UNIT)) {
            units.add(unit);
        }
        return units;
    }
}
