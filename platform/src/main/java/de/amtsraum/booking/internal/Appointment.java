package de.amtsraum.booking.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.amtsraum.booking.AppointmentCancelled;
import de.amtsraum.booking.AppointmentCancelled.CancelledBy;
import de.amtsraum.booking.AppointmentConfirmed;
import de.amtsraum.booking.AppointmentHoldExpired;
import de.amtsraum.booking.AppointmentOutcomeRecorded;
import de.amtsraum.booking.AppointmentOutcomeRecorded.Outcome;
import de.amtsraum.booking.AppointmentReminderSent;
import de.amtsraum.booking.AppointmentRequested;
import de.amtsraum.booking.AppointmentRescheduled;
import de.amtsraum.booking.BookingException;
import de.amtsraum.booking.BookingException.Reason;
import de.amtsraum.booking.internal.BookingCommands.Occupancy;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One appointment. Rules: a hold becomes an appointment only when confirmed before it expires, and
 * only once; an expired, cancelled or finished appointment does not change any more; citizens
 * cancel or reschedule only before the start; one reminder per start time; one outcome. Commands
 * that free capacity return the {@link Occupancy} to release, or null when nothing changed, so the
 * caller releases exactly once in the same transaction.
 */
@Aggregate
class Appointment {

    enum Status { HELD, CONFIRMED, EXPIRED, CANCELLED, DONE, NO_SHOW }

    @AggregateIdentifier
    private String appointmentId;
    private String tenantId;
    private String subjectId;
    private Status status;
    private Occupancy occupancy;
    private Instant end;
    private Instant holdExpiresAt;
    private Instant remindedFor;

    protected Appointment() {
        // for Axon
    }

    @CommandHandler
    Appointment(BookingCommands.Request command) {
        var form = command.form();
        Occupancy o = command.occupancy();
        apply(new AppointmentRequested(command.tenantId(), command.appointmentId(), command.subjectId(),
                command.serviceId(), o.locationId(), o.staffId(), o.start(), command.end(), o.occupiedUntil(),
                command.holdExpiresAt(), form.name(), form.email(), form.phone(), form.concern(), form.address(),
                form.birthDate(), command.privacyNoticeVersion(), command.termsVersion(), form.ageConfirmation(),
                command.at()));
    }

    @CommandHandler
    void handle(BookingCommands.Confirm command) {
        requireTenant(command.tenantId());
        switch (status) {
            case CONFIRMED -> throw new BookingException(Reason.ALREADY_CONFIRMED);
            case EXPIRED -> throw new BookingException(Reason.HOLD_EXPIRED);
            case HELD -> {
                if (!command.at().isBefore(holdExpiresAt)) {
                    throw new BookingException(Reason.HOLD_EXPIRED);
                }
                apply(new AppointmentConfirmed(tenantId, appointmentId, subjectId, occupancy.start(), end,
                        command.at()));
            }
            default -> throw new BookingException(Reason.NOT_ACTIVE);
        }
    }

    /** Expires a hold whose time is up; anything else is left alone. */
    @CommandHandler
    Occupancy handle(BookingCommands.Expire command) {
        requireTenant(command.tenantId());
        if (status != Status.HELD || command.at().isBefore(holdExpiresAt)) {
            return null;
        }
        apply(new AppointmentHoldExpired(tenantId, appointmentId, subjectId, command.at()));
        return occupancy;
    }

    @CommandHandler
    Occupancy handle(BookingCommands.CancelByCitizen command) {
        requireTenant(command.tenantId());
        requireUpcoming(command.at());
        apply(new AppointmentCancelled(tenantId, appointmentId, subjectId, CancelledBy.CITIZEN, null, command.at()));
        return occupancy;
    }

    @CommandHandler
    Occupancy handle(BookingCommands.CancelByStaff command) {
        requireTenant(command.tenantId());
        if (status == Status.CANCELLED) {
            return null;
        }
        if (status != Status.HELD && status != Status.CONFIRMED) {
            throw new BookingException(Reason.NOT_ACTIVE);
        }
        apply(new AppointmentCancelled(tenantId, appointmentId, subjectId, CancelledBy.STAFF, command.reason(),
                command.at()));
        return occupancy;
    }

    /** @return the occupancy given up for the new one */
    @CommandHandler
    Occupancy handle(BookingCommands.Reschedule command) {
        requireTenant(command.tenantId());
        requireUpcoming(command.at());
        if (status != Status.CONFIRMED) {
            throw new BookingException(Reason.NOT_ACTIVE);
        }
        Occupancy previous = occupancy;
        Occupancy next = command.occupancy();
        apply(new AppointmentRescheduled(tenantId, appointmentId, subjectId, next.staffId(), next.start(),
                command.end(), next.occupiedUntil(), command.at()));
        return previous;
    }

    @CommandHandler
    boolean handle(BookingCommands.Remind command) {
        requireTenant(command.tenantId());
        if (status != Status.CONFIRMED || !occupancy.start().equals(command.start())
                || occupancy.start().equals(remindedFor) || !command.at().isBefore(occupancy.start())) {
            return false;
        }
        apply(new AppointmentReminderSent(tenantId, appointmentId, subjectId, command.at()));
        return true;
    }

    @CommandHandler
    boolean handle(BookingCommands.RecordOutcome command) {
        requireTenant(command.tenantId());
        if (status == Status.DONE || status == Status.NO_SHOW) {
            return false;
        }
        if (status != Status.CONFIRMED
                || (command.outcome() == Outcome.NO_SHOW && command.at().isBefore(occupancy.start()))) {
            throw new BookingException(Reason.NOT_ACTIVE);
        }
        apply(new AppointmentOutcomeRecorded(tenantId, appointmentId, subjectId, command.outcome(), command.at()));
        return true;
    }

    /** A correction by the citizen (issue 8); the caller checked the values and that they are not erased. */
    @CommandHandler
    void handle(BookingCommands.CorrectData command) {
        requireTenant(command.tenantId());
        apply(new de.amtsraum.booking.AppointmentDataCorrected(tenantId, appointmentId, subjectId, command.name(),
                command.phone(), command.address(), command.birthDate(), command.at()));
    }

    private void requireUpcoming(Instant at) {
        if ((status != Status.HELD && status != Status.CONFIRMED) || !at.isBefore(occupancy.start())) {
            throw new BookingException(Reason.NOT_ACTIVE);
        }
    }

    private void requireTenant(String tenant) {
        if (!tenantId.equals(tenant)) {
            throw new BookingException(Reason.UNKNOWN_APPOINTMENT);
        }
    }

    @EventSourcingHandler
    void on(AppointmentRequested event) {
        appointmentId = event.appointmentId();
        tenantId = event.tenantId();
        subjectId = event.subjectId();
        status = Status.HELD;
        occupancy = new Occupancy(event.locationId(), event.staffId(), event.start(), event.occupiedUntil());
        end = event.end();
        holdExpiresAt = event.holdExpiresAt();
    }

    @EventSourcingHandler
    void on(AppointmentConfirmed event) {
        status = Status.CONFIRMED;
    }

    @EventSourcingHandler
    void on(AppointmentHoldExpired event) {
        status = Status.EXPIRED;
    }

    @EventSourcingHandler
    void on(AppointmentCancelled event) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(AppointmentRescheduled event) {
        occupancy = new Occupancy(occupancy.locationId(), event.staffId(), event.start(), event.occupiedUntil());
        end = event.end();
    }

    @EventSourcingHandler
    void on(AppointmentReminderSent event) {
        remindedFor = occupancy.start();
    }

    @EventSourcingHandler
    void on(AppointmentOutcomeRecorded event) {
        status = event.outcome() == Outcome.DONE ? Status.DONE : Status.NO_SHOW;
    }
}
