package de.amtsraum.booking.internal;

import static de.amtsraum.readmodel.jooq.Tables.APPOINTMENT;

import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.readmodel.jooq.tables.records.AppointmentRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Reads of {@code appointment}: rows of one tenant only, personal columns opened on the way out. */
@Component
class AppointmentQueries {

    /** One appointment as stored, personal fields opened (or the redaction value once shredded). */
    record Row(String appointmentId, String tenantId, String subjectId, String serviceId, String locationId,
               String staffId, Instant start, Instant end, Instant occupiedUntil, String status,
               Instant holdExpiresAt, String name, String email, String phone, String concern, String address,
               String birthDate, String cancelReason) {

        BookingCommands.Occupancy occupancy() {
            return new BookingCommands.Occupancy(locationId, staffId, start, occupiedUntil);
        }
    }

    private static final List<String> OPEN = List.of(Appointment.Status.HELD.name(),
            Appointment.Status.CONFIRMED.name());

    private final DSLContext db;
    private final PersonalDataCipher cipher;

    AppointmentQueries(DSLContext db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    Optional<Row> find(String tenantId, String appointmentId) {
        return db.selectFrom(APPOINTMENT)
                .where(APPOINTMENT.TENANT_ID.eq(tenantId), APPOINTMENT.APPOINTMENT_ID.eq(appointmentId))
                .fetchOptional(this::row);
    }

    /** The service booked (not personal: read without opening any sealed field). */
    Optional<String> serviceId(String tenantId, String appointmentId) {
        return db.select(APPOINTMENT.SERVICE_ID).from(APPOINTMENT)
                .where(APPOINTMENT.TENANT_ID.eq(tenantId), APPOINTMENT.APPOINTMENT_ID.eq(appointmentId))
                .fetchOptional(APPOINTMENT.SERVICE_ID);
    }

    /** The keyed hash of the appointment's address; empty once its personal data is shredded. */
    Optional<String> emailIndex(String tenantId, String appointmentId) {
        return db.select(APPOINTMENT.EMAIL_INDEX).from(APPOINTMENT)
                .where(APPOINTMENT.TENANT_ID.eq(tenantId), APPOINTMENT.APPOINTMENT_ID.eq(appointmentId))
                .fetchOptional(APPOINTMENT.EMAIL_INDEX);
    }

    List<Row> between(String tenantId, Instant from, Instant to, String locationId) {
        Condition location = locationId == null ? DSL.noCondition() : APPOINTMENT.LOCATION_ID.eq(locationId);
        return db.selectFrom(APPOINTMENT)
                .where(APPOINTMENT.TENANT_ID.eq(tenantId), APPOINTMENT.START_AT.ge(utc(from)),
                        APPOINTMENT.START_AT.lt(utc(to)), location)
                .orderBy(APPOINTMENT.START_AT, APPOINTMENT.APPOINTMENT_ID)
                .fetch(this::row);
    }

    /**
     * Open appointments of an address: held ones not yet expired and confirmed ones not yet begun.
     */
    int openFor(String tenantId, String emailIndex, Instant now) {
        return db.fetchCount(APPOINTMENT, APPOINTMENT.TENANT_ID.eq(tenantId), APPOINTMENT.EMAIL_INDEX.eq(emailIndex),
                APPOINTMENT.STATUS.in(OPEN), APPOINTMENT.START_AT.gt(utc(now)),
                APPOINTMENT.STATUS.ne(Appointment.Status.HELD.name()).or(APPOINTMENT.HOLD_EXPIRES_AT.gt(utc(now))));
    }

    /** Serialises bookings of the same address (transaction-scoped advisory lock). */
    void lockAddress(String emailIndex) {
        db.select(DSL.field("pg_advisory_xact_lock({0})", Object.class,
                DSL.field("hashtextextended({0}, 0)", Long.class, DSL.val(emailIndex)))).fetch();
    }

    /** Which appointment of which tenant: all the sweeps need (nothing is opened for them). */
    record Key(String tenantId, String appointmentId) {
    }

    List<Key> expiredHolds(Instant now, int limit) {
        return db.select(APPOINTMENT.TENANT_ID, APPOINTMENT.APPOINTMENT_ID).from(APPOINTMENT)
                .where(APPOINTMENT.STATUS.eq(Appointment.Status.HELD.name()),
                        APPOINTMENT.HOLD_EXPIRES_AT.le(utc(now)))
                .orderBy(APPOINTMENT.HOLD_EXPIRES_AT).limit(limit)
                .fetch(r -> new Key(r.value1(), r.value2()));
    }

    List<Key> remindersDue(Instant now, int limit) {
        return db.select(APPOINTMENT.TENANT_ID, APPOINTMENT.APPOINTMENT_ID).from(APPOINTMENT)
                .where(APPOINTMENT.STATUS.eq(Appointment.Status.CONFIRMED.name()),
                        APPOINTMENT.REMINDER_SENT.isFalse(), APPOINTMENT.REMINDER_DUE_AT.le(utc(now)),
                        APPOINTMENT.START_AT.gt(utc(now)))
                .orderBy(APPOINTMENT.REMINDER_DUE_AT).limit(limit)
                .fetch(r -> new Key(r.value1(), r.value2()));
    }

    private Row row(AppointmentRecord r) {
        String t = r.getTenantId();
        String s = r.getSubjectId();
        return new Row(r.getAppointmentId(), t, s, r.getServiceId(), r.getLocationId(), r.getStaffId(),
                r.getStartAt().toInstant(), r.getEndAt().toInstant(), r.getOccupiedUntil().toInstant(), r.getStatus(),
                r.getHoldExpiresAt().toInstant(),
                cipher.open(t, s, "name", r.getName()), cipher.open(t, s, "email", r.getEmail()),
                cipher.open(t, s, "phone", r.getPhone()), cipher.open(t, s, "concern", r.getConcern()),
                cipher.open(t, s, "address", r.getAddress()), cipher.open(t, s, "birthDate", r.getBirthDate()),
                cipher.open(t, s, "reason", r.getCancelReason()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
