package de.amtsraum.booking.internal;

import de.amtsraum.booking.BookingSweeps;
import java.time.Clock;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires holds and sends reminders every {@code amtsraum.booking.sweep-interval}. Each item is its
 * own transaction; when several instances sweep at once, the aggregate's sequence numbers let one
 * win and the others fail harmlessly, so nothing is freed or mailed twice.
 */
@Component
class BookingSweeper implements BookingSweeps {

    private static final Logger log = LoggerFactory.getLogger(BookingSweeper.class);
    private static final int BATCH = 200;

    private final AppointmentQueries queries;
    private final BookingService service;
    private final Clock clock;

    BookingSweeper(AppointmentQueries queries, BookingService service, Clock clock) {
        this.queries = queries;
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${amtsraum.booking.sweep-interval:PT30S}",
            initialDelayString = "${amtsraum.booking.sweep-interval:PT30S}")
    void onSchedule() {
        expireHolds();
        sendReminders();
    }

    @Override
    public int expireHolds() {
        int expired = 0;
        for (AppointmentQueries.Key row : queries.expiredHolds(clock.instant(), BATCH)) {
            try {
                if (service.expire(row.tenantId(), row.appointmentId())) {
                    expired++;
                }
            } catch (ConcurrencyException raced) {
                log.debug("Hold {} was changed concurrently", row.appointmentId());
            } catch (RuntimeException failed) {
                log.warn("Hold {} could not be expired: {}", row.appointmentId(), failed.getClass().getSimpleName());
            }
        }
        return expired;
    }

    @Override
    public int sendReminders() {
        int sent = 0;
        for (AppointmentQueries.Key row : queries.remindersDue(clock.instant(), BATCH)) {
            try {
                if (service.remind(row.tenantId(), row.appointmentId())) {
                    sent++;
                }
            } catch (ConcurrencyException raced) {
                log.debug("Appointment {} was changed concurrently", row.appointmentId());
            } catch (RuntimeException failed) {
                log.warn("Reminder for {} failed: {}", row.appointmentId(), failed.getClass().getSimpleName());
            }
        }
        return sent;
    }
}
