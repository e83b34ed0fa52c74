package de.amtsraum.rights.internal;

import de.amtsraum.notification.Mailer;
import de.amtsraum.notification.OutgoingMail;
import de.amtsraum.notification.PublicUrl;
import de.amtsraum.rights.RequestChannel;
import de.amtsraum.rights.RightsRequestException;
import de.amtsraum.rights.RightsRequestException.Reason;
import de.amtsraum.rights.RightsRequests;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** The staff inbox (ADR 0025): validation, deadlines by the tenant's calendar day, reminder sweep. */
@Service
class RightsRequestService implements RightsRequests {

    private static final Logger log = LoggerFactory.getLogger(RightsRequestService.class);
    private static final int MAX_TEXT = 4000;
    private static final int BATCH = 200;

    private final TenantDirectory tenants;
    private final CommandGateway commands;
    private final RightsRequestQueries queries;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final Clock clock;

    RightsRequestService(TenantDirectory tenants, CommandGateway commands, RightsRequestQueries queries, Mailer mailer,
                         PublicUrl publicUrl, Clock clock) {
        this.tenants = tenants;
        this.commands = commands;
        this.queries = queries;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public String open(String tenantId, Opening o, String staffId) {
        TenantManifest manifest = offering(tenantId);
        if (o == null || o.type() == null || o.channel() == null || o.receivedOn() == null
                || o.receivedOn().isAfter(today(manifest)) || blank(o.requesterName())
                || tooLong(o.requesterName()) || tooLong(o.requesterContact()) || tooLong(o.description())
                || (o.subjectId() != null && !o.subjectId().isBlank() && !o.subjectId().matches("[A-Za-z0-9._:-]{1,64}"))) {
            throw new RightsRequestException(Reason.INVALID_REQUEST);
        }
        String requestId = UUID.randomUUID().toString();
        commands.sendAndWait(new RightsCommands.Open(tenantId, requestId, UUID.randomUUID().toString(), o.type(),
                o.channel(), o.receivedOn(), o.requesterName().strip(), trim(o.requesterContact()),
                trim(o.description()), trim(o.subjectId()), null, staffId, clock.instant()));
        return requestId;
    }

    /** Opens the request of a recorded objection: no personal data copied, it references the objection. */
    void openForObjection(String tenantId, String objectionId, String concernedSubjectId, RequestChannel channel,
                          LocalDate receivedOn) {
        commands.sendAndWait(new RightsCommands.Open(tenantId, "objection-" + objectionId, UUID.randomUUID().toString(),
                Type.OBJECTION, channel, receivedOn, null, null, null, concernedSubjectId, objectionId, "system",
                clock.instant()));
    }

    @Override
    public List<RequestView> list(String tenantId) {
        return queries.list(tenantId, today(offering(tenantId)), 500);
    }

    @Override
    public RequestView get(String tenantId, String requestId) {
        return queries.find(tenantId, requestId, today(offering(tenantId)))
                .orElseThrow(() -> new RightsRequestException(Reason.UNKNOWN));
    }

    @Override
    public void verifyIdentity(String tenantId, String requestId, VerificationMethod method, String note,
                               String staffId) {
        offering(tenantId);
        if (method == null || (method == VerificationMethod.OTHER && blank(note)) || tooLong(note)) {
            throw new RightsRequestException(Reason.INVALID_VERIFICATION);
        }
        send(new RightsCommands.Verify(requestId, tenantId, method, trim(note), staffId, clock.instant()));
    }

    @Override
    public void extend(String tenantId, String requestId, int months, String reason, boolean citizenInformed,
                       String staffId) {
        offering(tenantId);
        if (tooLong(reason)) {
            throw new RightsRequestException(Reason.INVALID_EXTENSION);
        }
        send(new RightsCommands.Extend(requestId, tenantId, months, trim(reason), citizenInformed, staffId,
                clock.instant()));
    }

    @Override
    public void close(String tenantId, String requestId, Outcome outcome, String reasonCode, String note,
                      String staffId) {
        offering(tenantId);
        String code = trim(reasonCode);
        if (outcome == null || tooLong(note) || (code != null && !REFUSAL_REASONS.contains(code))
                || (outcome == Outcome.REFUSED && code == null)) {
            throw new RightsRequestException(Reason.INVALID_CLOSURE);
        }
        send(new RightsCommands.Close(requestId, tenantId, outcome, code, trim(note), staffId, clock.instant()));
    }

    @Scheduled(fixedDelayString = "${amtsraum.rights.sweep-interval:PT15M}",
            initialDelayString = "${amtsraum.rights.sweep-interval:PT15M}")
    void onSchedule() {
        sendReminders();
    }

    @Override
    public int sendReminders() {
        int sent = 0;
        // Candidates: deadline within the DUE_SOON window of the latest calendar day anywhere.
        LocalDate horizon = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(1)
                .plusDays(RightsRequest.DUE_SOON_DAYS);
        for (RightsRequestQueries.Key key : queries.openDueBy(horizon, BATCH)) {
            try {
                TenantManifest manifest = tenants.manifest(key.tenantId()).orElse(null);
                if (manifest == null) {
                    continue;
                }
                LocalDate today = today(manifest);
                for (Reminder reminder : Reminder.values()) {
                    if (Boolean.TRUE.equals(commands.sendAndWait(new RightsCommands.Remind(key.requestId(),
                            key.tenantId(), reminder, today, clock.instant())))) {
                        mail(manifest, queries.find(key.tenantId(), key.requestId(), today).orElseThrow(), reminder);
                        sent++;
                    }
                }
            } catch (ConcurrencyException raced) {
                log.debug("Rights request {} was changed concurrently", key.requestId());
            } catch (RuntimeException failed) {
                log.warn("Reminder for rights request {} failed: {}", key.requestId(), failed.getClass().getSimpleName());
            }
        }
        return sent;
    }

    /** The mail names the request by reference, type and deadline only: no personal data. */
    private void mail(TenantManifest manifest, RequestView request, Reminder reminder) {
        String to = manifest.dataProtectionOfficer() != null && !blank(manifest.dataProtectionOfficer().email())
                ? manifest.dataProtectionOfficer().email() : manifest.contact().email();
        String what = reminder == Reminder.DUE_SOON ? "Frist läuft bald ab" : "Frist überschritten";
        String text = """
                Guten Tag,

                die Frist für eine Anfrage zu Betroffenenrechten %s.

                Vorgang: %s
                Art: %s
                Frist: %s

                Zur Anfrage: %s

                Diese Nachricht wurde automatisch erstellt und enthält keine personenbezogenen Daten.
                """.formatted(reminder == Reminder.DUE_SOON ? "läuft am " + request.deadline() + " ab"
                        : "ist am " + request.deadline() + " abgelaufen",
                request.id(), request.type(), request.deadline(),
                publicUrl.of("/" + manifest.id() + "/mitarbeiter/anfragen/" + request.id()));
        mailer.send(new OutgoingMail(to, "Betroffenenanfrage: " + what + " (" + request.id() + ")", text, List.of()));
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknown) {
            // Incompatible: the id names another kind of aggregate (a case, a contact request): no rights request.
            throw new RightsRequestException(Reason.UNKNOWN);
        } catch (org.axonframework.commandhandling.CommandExecutionException failed) {
            throw unwrap(failed);
        }
    }

    private static RuntimeException unwrap(RuntimeException failed) {
        Throwable cause = failed;
        while (cause != null) {
            if (cause instanceof RightsRequestException refused) {
                return refused;
            }
            if (cause instanceof AggregateNotFoundException || cause instanceof IncompatibleAggregateException) {
                return new RightsRequestException(Reason.UNKNOWN);
            }
            cause = cause.getCause();
        }
        return failed;
    }

    private TenantManifest offering(String tenantId) {
        TenantManifest manifest = tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
        if (manifest.categoryFor(DataKind.RIGHTS_REQUEST).isEmpty()) {
            throw new RightsRequestException(Reason.NOT_OFFERED);
        }
        return manifest;
    }

    private LocalDate today(TenantManifest manifest) {
        return LocalDate.now(clock.withZone(manifest.timeZone()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_TEXT;
    }

    private static String trim(String value) {
        return blank(value) ? null : value.strip();
    }
}
