package de.amtsraum.observability.internal;

import de.amtsraum.booking.AppointmentCancelled;
import de.amtsraum.booking.AppointmentConfirmed;
import de.amtsraum.privacy.PersonalDataShredded;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Counters of business events, in a subscribing processor of their own ({@value #PROCESSING_GROUP}):
 * each instance counts the events it publishes, after their transaction committed (Prometheus sums
 * over instances; a restart starts at zero, which {@code rate()}/{@code increase()} handle). Labels:
 * tenant and a fixed set of causes, never an id or a value of the event.
 */
@ProcessingGroup(BusinessCounters.PROCESSING_GROUP)
class BusinessCounters {

    static final String PROCESSING_GROUP = "observability-metrics";

    private final MeterRegistry meters;

    BusinessCounters(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventHandler
    void on(AppointmentConfirmed event) {
        afterCommit(() -> meters.counter("amtsraum.bookings.confirmed", "tenant", event.tenantId()).increment());
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        String cause = event.by() == null ? "UNKNOWN" : event.by().name();
        afterCommit(() -> meters.counter("amtsraum.bookings.cancelled", "tenant", event.tenantId(), "cause", cause)
                .increment());
    }

    @EventHandler
    void on(PersonalDataShredded event) {
        String cause = event.cause() == null ? "UNKNOWN" : event.cause().name();
        afterCommit(() -> meters.counter("amtsraum.privacy.shreds", "tenant", event.tenantId(), "cause", cause)
                .increment());
    }

    private static void afterCommit(Runnable count) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> count.run());
        } else {
            count.run();
        }
    }
}
