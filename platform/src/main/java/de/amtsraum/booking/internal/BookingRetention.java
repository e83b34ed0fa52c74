package de.amtsraum.booking.internal;

import de.amtsraum.booking.AppointmentCancelled;
import de.amtsraum.booking.AppointmentConfirmed;
import de.amtsraum.booking.AppointmentHoldExpired;
import de.amtsraum.booking.AppointmentRescheduled;
import de.amtsraum.privacy.RetentionTriggers;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What an appointment's course means for its data: the end of a confirmed appointment (moved when
 * it is rescheduled, brought forward when it is cancelled) starts the tenant's APPOINTMENT_END rules;
 * a hold that was never confirmed is erased at once.
 */
@Component
@ProcessingGroup(AppointmentProjection.GROUP)
class BookingRetention {

    private final RetentionTriggers triggers;
    private final SubjectKeys keys;

    BookingRetention(RetentionTriggers triggers, SubjectKeys keys) {
        this.triggers = triggers;
        this.keys = keys;
    }

    @EventHandler
    void on(AppointmentConfirmed e) {
        triggers.raise(e.tenantId(), e.subjectId(), RetentionTrigger.APPOINTMENT_END, e.end());
    }

    @EventHandler
    void on(AppointmentRescheduled e) {
        triggers.raise(e.tenantId(), e.subjectId(), RetentionTrigger.APPOINTMENT_END, e.end());
    }

    @EventHandler
    void on(AppointmentCancelled e) {
        triggers.raise(e.tenantId(), e.subjectId(), RetentionTrigger.APPOINTMENT_END, e.cancelledAt());
    }

    @EventHandler
    void on(AppointmentHoldExpired e) {
        keys.shredAll(e.tenantId(), e.subjectId(), ShredCause.NOT_CONFIRMED);
    }
}
