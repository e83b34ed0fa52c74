package de.amtsraum.booking;

import de.amtsraum.booking.AppointmentOutcomeRecorded.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import de.amtsraum.moderation.BlockOrder;
import de.amtsraum.moderation.CitizenBlocks;

/**
 * The booking context's use cases. Citizens need no account: the links in their mail carry signed
 * tokens (confirm, manage). Staff calls are authorised per tenant by the web layer.
 */
public interface Appointments {

    List<ServiceView> services(String tenantId);

    ServiceView service(String tenantId, String serviceId);

    /** Free slots with their remaining capacity, in the tenant's time zone, days {@code from..to} inclusive. */
    List<SlotView> slots(String tenantId, String serviceId, LocalDate from, LocalDate to);

    /** Holds the slot and mails the confirmation link. */
    Held request(String tenantId, BookingForm form);

    /** Confirms through the token of the confirmation mail; mails the appointment with an .ics. */
    AppointmentView confirm(String tenantId, String confirmationToken);

    /** What the confirmation token of a mail refers to, without changing anything. */
    AppointmentView byConfirmationToken(String tenantId, String confirmationToken);

    /** The appointment a manage link refers to (decrypted for the citizen holding the link). */
    AppointmentView byManageToken(String tenantId, String manageToken);

    AppointmentView cancelByCitizen(String tenantId, String manageToken);

    AppointmentView reschedule(String tenantId, String manageToken, OffsetDateTime newStart);

    /** Staff: the appointments of a day, optionally of one location, held and confirmed ones first by time. */
    List<AppointmentView> day(String tenantId, LocalDate day, String locationId);

    AppointmentView get(String tenantId, String appointmentId);

    /** The id of the service an appointment is for, without opening its personal data; empty if unknown. */
    Optional<String> serviceOf(String tenantId, String appointmentId);

    /** @return whether the outcome was recorded now (false: it was recorded before) */
    boolean recordOutcome(String tenantId, String appointmentId, Outcome outcome);

    /** Staff cancel with a reason; the citizen gets a mail. @return whether it was cancelled now */
    boolean cancelByStaff(String tenantId, String appointmentId, String reason);

    /**
     * Staff end the appointment for misuse and block the citizen's address (moderation): a held or
     * confirmed appointment is cancelled (slot freed, the citizen mailed without the evidence), an
     * appointment already over is left as it is; the block carries the reason, the screenshot and the
     * appointment as sealed evidence. One transaction: either both happen or nothing.
     */
    default Blocked blockForMisuse(String tenantId, String appointmentId, BlockOrder order) {
        return blockForMisuse(tenantId, appointmentId, order, null, null);
    }

    /**
     * The same with the evidence of a video session held for the appointment (issue 6): its session
     * id and the citizen's IP address, sealed with the other evidence.
     */
    Blocked blockForMisuse(String tenantId, String appointmentId, BlockOrder order, String sessionId, String ipAddress);

    /** Blocks in force of the appointment's address (empty once its address is erased or blocking is not offered). */
    List<CitizenBlocks.BlockView> blocksOf(String tenantId, String appointmentId);

    /** @param blockedUntil null: permanent */
    record Blocked(String blockId, String appointmentId, boolean appointmentEnded, Instant blockedUntil) {
    }

    record Held(String appointmentId, String status, Instant holdExpiresAt) {
    }

    record LocationView(String id, String name, String street, String postalCode, String city) {
    }

    record ServiceView(String id, String name, String description, int durationMinutes, String channel,
                       LocationView location, List<String> documentsToBring, String leikaKey) {
    }

    record SlotView(OffsetDateTime start, OffsetDateTime end, int remaining) {
    }

    record AppointmentView(String appointmentId, String serviceId, String serviceName, String locationId,
                           OffsetDateTime start, OffsetDateTime end, String status, Instant holdExpiresAt,
                           String name, String email, String phone, String concern, String address,
                           String birthDate, String cancelReason, List<String> documentsToBring) {
    }
}
