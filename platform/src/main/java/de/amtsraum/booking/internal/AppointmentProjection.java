package de.amtsraum.booking.internal;

import static de.amtsraum.readmodel.jooq.Tables.APPOINTMENT;
import static de.amtsraum.readmodel.jooq.Tables.APPOINTMENT_STATISTICS;

import de.amtsraum.booking.AppointmentCancelled;
import de.amtsraum.booking.AppointmentConfirmed;
import de.amtsraum.booking.AppointmentHoldExpired;
import de.amtsraum.booking.AppointmentOutcomeRecorded;
import de.amtsraum.booking.AppointmentReminderSent;
import de.amtsraum.booking.AppointmentRequested;
import de.amtsraum.booking.AppointmentRescheduled;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code appointment} (personal columns sealed, never plaintext; redacted when shredded) and
 * {@code appointment_statistics} (counts without personal data, kept through every erasure).
 * Subscribing processor: rows exist when the command returns.
 */
@Component
@ProcessingGroup(AppointmentProjection.GROUP)
class AppointmentProjection {

    static final String GROUP = "appointments";

    /** Statistics outcomes, counted per service and day of the appointment. */
    enum Count { REQUESTED, CONFIRMED, EXPIRED, CANCELLED_BY_CITIZEN, CANCELLED_BY_STAFF, RESCHEDULED, DONE, NO_SHOW }

    /** Personal columns of a request: the event field whose name is bound into the ciphertext. */
    static final List<Column> PERSONAL = List.of(
            new Column(APPOINTMENT.NAME, "name", AppointmentRequested::name),
            new Column(APPOINTMENT.EMAIL, "email", AppointmentRequested::email),
            new Column(APPOINTMENT.PHONE, "phone", AppointmentRequested::phone),
            new Column(APPOINTMENT.CONCERN, "concern", AppointmentRequested::concern),
            new Column(APPOINTMENT.ADDRESS, "address", AppointmentRequested::address),
            new Column(APPOINTMENT.BIRTH_DATE, "birthDate", AppointmentRequested::birthDate),
            new Column(APPOINTMENT.AGE_CONFIRMATION, "ageConfirmation", AppointmentRequested::ageConfirmation));

    /** Every column that may hold a sealed value, for redaction. */
    static final List<Field<String>> SEALED = List.of(APPOINTMENT.NAME, APPOINTMENT.EMAIL, APPOINTMENT.PHONE,
            APPOINTMENT.CONCERN, APPOINTMENT.ADDRESS, APPOINTMENT.BIRTH_DATE, APPOINTMENT.AGE_CONFIRMATION,
            APPOINTMENT.CANCEL_REASON);

    record Column(Field<String> field, String name, Function<AppointmentRequested, String> value) {
    }

    private final DSLContext db;
    private final PersonalDataCipher cipher;
    private final BlindIndex blindIndex;
    private final TenantDirectory tenants;

    AppointmentProjection(DSLContext db, PersonalDataCipher cipher, BlindIndex blindIndex, TenantDirectory tenants) {
        this.db = db;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.tenants = tenants;
    }

    @EventHandler
    void on(AppointmentRequested e) {
        var insert = db.insertInto(APPOINTMENT)
                .set(APPOINTMENT.APPOINTMENT_ID, e.appointmentId())
                .set(APPOINTMENT.TENANT_ID, e.tenantId())
                .set(APPOINTMENT.SUBJECT_ID, e.subjectId())
                .set(APPOINTMENT.SERVICE_ID, e.serviceId())
                .set(APPOINTMENT.LOCATION_ID, e.locationId())
                .set(APPOINTMENT.STAFF_ID, e.staffId())
                .set(APPOINTMENT.START_AT, utc(e.start()))
                .set(APPOINTMENT.END_AT, utc(e.end()))
                .set(APPOINTMENT.OCCUPIED_UNTIL, utc(e.occupiedUntil()))
                .set(APPOINTMENT.STATUS, Appointment.Status.HELD.name())
                .set(APPOINTMENT.HOLD_EXPIRES_AT, utc(e.holdExpiresAt()))
                .set(APPOINTMENT.REQUESTED_AT, utc(e.requestedAt()))
                .set(APPOINTMENT.NOTICE_VERSION, e.privacyNoticeVersion())
                .set(APPOINTMENT.TERMS_VERSION, e.termsVersion())
                .set(APPOINTMENT.EMAIL_INDEX, Redaction.VALUE.equals(e.email()) ? null
                        : blindIndex.of(e.tenantId(), e.email()));
        for (Column column : PERSONAL) {
            insert = insert.set(column.field(), cipher.seal(e.tenantId(), e.subjectId(), DataKind.APPOINTMENT,
                    column.name(), column.value().apply(e)));
        }
        if (insert.onConflictDoNothing().execute() > 0) {
            count(e.tenantId(), e.serviceId(), e.start(), Count.REQUESTED);
        }
    }

    /** Only the corrected columns change, sealed like the original under the appointment's subject. */
    @EventHandler
    void on(de.amtsraum.booking.AppointmentDataCorrected e) {
        java.util.Map<Field<?>, Object> changed = new java.util.LinkedHashMap<>();
        corrected(changed, e, APPOINTMENT.NAME, "name", e.name());
        corrected(changed, e, APPOINTMENT.PHONE, "phone", e.phone());
        corrected(changed, e, APPOINTMENT.ADDRESS, "address", e.address());
        corrected(changed, e, APPOINTMENT.BIRTH_DATE, "birthDate", e.birthDate());
        if (!changed.isEmpty()) {
            db.update(APPOINTMENT).set(changed)
                    .where(APPOINTMENT.TENANT_ID.eq(e.tenantId()), APPOINTMENT.APPOINTMENT_ID.eq(e.appointmentId()))
                    .execute();
        }
    }

    private void corrected(java.util.Map<Field<?>, Object> changed, de.amtsraum.booking.AppointmentDataCorrected e,
                           Field<String> field, String name, String value) {
        if (value != null) {
            changed.put(field, cipher.seal(e.tenantId(), e.subjectId(), DataKind.APPOINTMENT, name, value));
        }
    }

    @EventHandler
    void on(AppointmentConfirmed e) {
        Instant due = e.start().minus(reminderLead(e.tenantId()));
        db.update(APPOINTMENT)
                .set(APPOINTMENT.STATUS, Appointment.Status.CONFIRMED.name())
                .set(APPOINTMENT.CONFIRMED_AT, utc(e.confirmedAt()))
                .set(APPOINTMENT.REMINDER_DUE_AT, utc(due))
                // Booked at short notice: the confirmation itself is the reminder.
                .set(APPOINTMENT.REMINDER_SENT, !e.confirmedAt().isBefore(due))
                .where(APPOINTMENT.APPOINTMENT_ID.eq(e.appointmentId()))
                .execute();
        countFor(e.appointmentId(), Count.CONFIRMED);
    }

    @EventHandler
    void on(AppointmentHoldExpired e) {
        close(e.appointmentId(), Appointment.Status.EXPIRED, e.expiredAt());
        countFor(e.appointmentId(), Count.EXPIRED);
    }

    @EventHandler
    void on(AppointmentCancelled e) {
        db.update(APPOINTMENT)
                .set(APPOINTMENT.STATUS, Appointment.Status.CANCELLED.name())
                .set(APPOINTMENT.CLOSED_AT, utc(e.cancelledAt()))
                .set(APPOINTMENT.CANCEL_REASON, e.reason() == null ? null
                        : cipher.seal(e.tenantId(), e.subjectId(), DataKind.APPOINTMENT, "reason", e.reason()))
                .where(APPOINTMENT.APPOINTMENT_ID.eq(e.appointmentId()))
                .execute();
        countFor(e.appointmentId(), e.by() == AppointmentCancelled.CancelledBy.STAFF
                ? Count.CANCELLED_BY_STAFF : Count.CANCELLED_BY_CITIZEN);
    }

    @EventHandler
    void on(AppointmentRescheduled e) {
        db.update(APPOINTMENT)
                .set(APPOINTMENT.START_AT, utc(e.start()))
                .set(APPOINTMENT.END_AT, utc(e.end()))
                .set(APPOINTMENT.OCCUPIED_UNTIL, utc(e.occupiedUntil()))
                .set(APPOINTMENT.STAFF_ID, e.staffId())
                .set(APPOINTMENT.REMINDER_DUE_AT, utc(e.start().minus(reminderLead(e.tenantId()))))
                .set(APPOINTMENT.REMINDER_SENT, !e.rescheduledAt().isBefore(e.start().minus(reminderLead(e.tenantId()))))
                .where(APPOINTMENT.APPOINTMENT_ID.eq(e.appointmentId()))
                .execute();
        countFor(e.appointmentId(), Count.RESCHEDULED);
    }

    @EventHandler
    void on(AppointmentReminderSent e) {
        db.update(APPOINTMENT).set(APPOINTMENT.REMINDER_SENT, true)
                .where(APPOINTMENT.APPOINTMENT_ID.eq(e.appointmentId())).execute();
    }

    @EventHandler
    void on(AppointmentOutcomeRecorded e) {
        Appointment.Status status = e.outcome() == AppointmentOutcomeRecorded.Outcome.DONE
                ? Appointment.Status.DONE : Appointment.Status.NO_SHOW;
        close(e.appointmentId(), status, e.recordedAt());
        countFor(e.appointmentId(), Count.valueOf(status.name()));
    }

    /** Every sealed value of the shredded category becomes the redaction value; the blind index goes too. */
    @EventHandler
    void on(PersonalDataShredded e) {
        String prefix = PersonalDataCipher.sealedPrefix(e.categoryId());
        Map<Field<?>, Field<String>> redacted = new LinkedHashMap<>();
        for (Field<String> column : SEALED) {
            redacted.put(column, DSL.when(column.startsWith(prefix), DSL.inline(Redaction.VALUE)).otherwise(column));
        }
        redacted.put(APPOINTMENT.EMAIL_INDEX, DSL.when(APPOINTMENT.EMAIL.startsWith(prefix), DSL.inline((String) null))
                .otherwise(APPOINTMENT.EMAIL_INDEX));
        db.update(APPOINTMENT).set(redacted)
                .where(APPOINTMENT.TENANT_ID.eq(e.tenantId()), APPOINTMENT.SUBJECT_ID.eq(e.subjectId()))
                .execute();
    }

    private void close(String appointmentId, Appointment.Status status, Instant at) {
        db.update(APPOINTMENT)
                .set(APPOINTMENT.STATUS, status.name())
                .set(APPOINTMENT.CLOSED_AT, utc(at))
                .where(APPOINTMENT.APPOINTMENT_ID.eq(appointmentId))
                .execute();
    }

    private void countFor(String appointmentId, Count count) {
        db.select(APPOINTMENT.TENANT_ID, APPOINTMENT.SERVICE_ID, APPOINTMENT.START_AT).from(APPOINTMENT)
                .where(APPOINTMENT.APPOINTMENT_ID.eq(appointmentId))
                .fetchOptional()
                .ifPresent(row -> count(row.value1(), row.value2(), row.value3().toInstant(), count));
    }

    private void count(String tenantId, String serviceId, Instant start, Count count) {
        LocalDate day = start.atZone(zone(tenantId)).toLocalDate();
        db.insertInto(APPOINTMENT_STATISTICS)
                .set(APPOINTMENT_STATISTICS.TENANT_ID, tenantId)
                .set(APPOINTMENT_STATISTICS.SERVICE_ID, serviceId)
                .set(APPOINTMENT_STATISTICS.DAY, day)
                .set(APPOINTMENT_STATISTICS.OUTCOME, count.name())
                .set(APPOINTMENT_STATISTICS.COUNT, 1)
                .onConflict(APPOINTMENT_STATISTICS.TENANT_ID, APPOINTMENT_STATISTICS.SERVICE_ID,
                        APPOINTMENT_STATISTICS.DAY, APPOINTMENT_STATISTICS.OUTCOME)
                .doUpdate().set(APPOINTMENT_STATISTICS.COUNT, APPOINTMENT_STATISTICS.COUNT.plus(1))
                .execute();
    }

    private ZoneId zone(String tenantId) {
        return tenants.manifest(tenantId).map(TenantManifest::timeZone).orElse(ZoneOffset.UTC);
    }

    private Duration reminderLead(String tenantId) {
        return Duration.ofHours(tenants.manifest(tenantId).map(TenantManifest::booking)
                .map(TenantManifest.BookingSettings::reminderHoursBefore).orElse(24));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
