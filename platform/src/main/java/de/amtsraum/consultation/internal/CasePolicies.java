package de.amtsraum.consultation.internal;

import static de.amtsraum.readmodel.jooq.Tables.CONSULTATION_CASE;

import de.amtsraum.booking.AppointmentCancelled;
import de.amtsraum.booking.AppointmentConfirmed;
import de.amtsraum.booking.AppointmentHoldExpired;
import de.amtsraum.booking.Appointments;
import de.amtsraum.consultation.ConsultationCaseArchived.ClosedBy;
import de.amtsraum.consultation.ConsultationCaseOpened.Origin;
import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.shared.CaseIds;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.video.CallEnded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What other contexts' events mean for cases: a confirmed appointment of a consultation service opens
 * its case; a cancellation (or expiry) before any consultation closes it; a video call that ended
 * counts as activity; the shredding of a case subject's conversation data marks the case erased.
 *
 * <p>A tracking processor (ADR 0015), not a subscribing one: the booking confirmation, the video
 * webhook and the retention run commit on their own and never fail because of a case; the token in
 * {@code token_entry} makes delivery at-least-once and survives restarts, and every command here is
 * idempotent (the case id derives from the appointment id, opening twice changes nothing, closing
 * and erasing twice neither). Commands are only sent for cases the read model knows of the event's
 * tenant, so a handler never fails and leaves the batch to be retried forever.
 */
@Component
@ProcessingGroup(CasePolicies.GROUP)
class CasePolicies {

    static final String GROUP = "consultation-policies";
    /** A replay of old confirmations (the processor starts at the beginning of the store) opens no stale cases. */
    private static final Duration STALE = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(CasePolicies.class);

    private final CommandGateway commands;
    private final Appointments appointments;
    private final TenantDirectory tenants;
    private final DSLContext db;
    private final Clock clock;

    CasePolicies(CommandGateway commands, Appointments appointments, TenantDirectory tenants, DSLContext db,
                 Clock clock) {
        this.commands = commands;
        this.appointments = appointments;
        this.tenants = tenants;
        this.db = db;
        this.clock = clock;
    }

    @EventHandler
    void on(AppointmentConfirmed e) {
        if (e.end() != null && e.end().isBefore(clock.instant().minus(STALE))) {
            return;
        }
        TenantManifest manifest = tenants.manifest(e.tenantId()).orElse(null);
        if (manifest == null) {
            return;
        }
        String serviceId = appointments.serviceOf(e.tenantId(), e.appointmentId()).orElse(null);
        if (serviceId == null) {
            log.warn("Confirmed appointment {} of tenant {} not found for its case", e.appointmentId(), e.tenantId());
            return;
        }
        boolean consultation = manifest.services().stream()
                .anyMatch(service -> service.id().equals(serviceId) && service.opensConsultationCase());
        if (!consultation) {
            return;
        }
        commands.sendAndWait(new CaseCommands.Open(e.tenantId(), CaseIds.forAppointment(e.appointmentId()),
                UUID.randomUUID().toString(), Origin.BOOKING, e.appointmentId(), serviceId, e.subjectId(),
                e.confirmedAt()));
    }

    @EventHandler
    void on(AppointmentCancelled e) {
        close(e.tenantId(), e.appointmentId(), ClosedBy.APPOINTMENT_CANCELLED, e.cancelledAt());
    }

    @EventHandler
    void on(AppointmentHoldExpired e) {
        close(e.tenantId(), e.appointmentId(), ClosedBy.APPOINTMENT_EXPIRED, e.expiredAt());
    }

    private void close(String tenantId, String appointmentId, ClosedBy by, Instant at) {
        String caseId = CaseIds.forAppointment(appointmentId);
        if (known(tenantId, caseId)) {
            commands.sendAndWait(new CaseCommands.Archive(tenantId, caseId, by, at));
        }
    }

    @EventHandler
    void on(CallEnded e) {
        if (e.caseId() != null && known(e.tenantId(), e.caseId())) {
            commands.sendAndWait(new CaseCommands.RecordCall(e.tenantId(), e.caseId(), e.callId(),
                    e.outcome() == null ? null : e.outcome().name(), e.startedAt(),
                    e.endedAt() == null ? clock.instant() : e.endedAt()));
        }
    }

    @EventHandler
    void on(PersonalDataShredded e) {
        db.select(CONSULTATION_CASE.CASE_ID).from(CONSULTATION_CASE)
                .where(CONSULTATION_CASE.TENANT_ID.eq(e.tenantId()), CONSULTATION_CASE.SUBJECT_ID.eq(e.subjectId()),
                        CONSULTATION_CASE.ERASED_AT.isNull())
                .fetch(CONSULTATION_CASE.CASE_ID)
                .forEach(caseId -> commands.sendAndWait(new CaseCommands.Erase(e.tenantId(), caseId,
                        e.shreddedAt() == null ? clock.instant() : e.shreddedAt())));
    }

    private boolean known(String tenantId, String caseId) {
        return db.fetchExists(CONSULTATION_CASE, CONSULTATION_CASE.CASE_ID.eq(caseId),
                CONSULTATION_CASE.TENANT_ID.eq(tenantId));
    }
}
