package de.amtsraum.booking.internal;

import de.amtsraum.booking.AppointmentOutcomeRecorded.Outcome;
import de.amtsraum.booking.BookingForm;
import de.amtsraum.shared.TenantScoped;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the Appointment aggregate. */
final class BookingCommands {

    private BookingCommands() {
    }

    /** Where and when an appointment occupies capacity. */
    record Occupancy(String locationId, String staffId, Instant start, Instant occupiedUntil) {
    }

    record Request(String tenantId, @TargetAggregateIdentifier String appointmentId, String subjectId,
                   String serviceId, Occupancy occupancy, Instant end, Instant holdExpiresAt, BookingForm form,
                   String privacyNoticeVersion, String termsVersion, Instant at) implements TenantScoped {
    }

    record Confirm(String tenantId, @TargetAggregateIdentifier String appointmentId, Instant at)
            implements TenantScoped {
    }

    /** @see Appointment#handle(Expire) */
    record Expire(String tenantId, @TargetAggregateIdentifier String appointmentId, Instant at)
            implements TenantScoped {
    }

    record CancelByCitizen(String tenantId, @TargetAggregateIdentifier String appointmentId, Instant at)
            implements TenantScoped {
    }

    record CancelByStaff(String tenantId, @TargetAggregateIdentifier String appointmentId, String reason, Instant at)
            implements TenantScoped {
    }

    record Reschedule(String tenantId, @TargetAggregateIdentifier String appointmentId, Occupancy occupancy,
                      Instant end, Instant at) implements TenantScoped {
    }

    record Remind(String tenantId, @TargetAggregateIdentifier String appointmentId, Instant start, Instant at)
            implements TenantScoped {
    }

    record RecordOutcome(String tenantId, @TargetAggregateIdentifier String appointmentId, Outcome outcome,
                         Instant at) implements TenantScoped {
    }

    /** Changed values only (null = unchanged); see {@link de.amtsraum.booking.AppointmentDataCorrected}. */
    record CorrectData(String tenantId, @TargetAggregateIdentifier String appointmentId, String name, String phone,
                       String address, String birthDate, Instant at) implements TenantScoped {
    }
}
