package de.amtsraum.booking.internal;

import de.amtsraum.booking.internal.AppointmentQueries.Row;
import de.amtsraum.notification.Mailer;
import de.amtsraum.notification.OutgoingMail;
import de.amtsraum.notification.PublicUrl;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.Location;
import de.amtsraum.tenancy.manifest.TenantManifest.Service;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The citizen's mail about an appointment: German first, a short English part second. The .ics
 * attachment names service, time and place only, never the concern. A failed hand-over is logged
 * by kind, without the address.
 */
@Component
class BookingMails {

    private static final Logger log = LoggerFactory.getLogger(BookingMails.class);
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy 'um' HH:mm 'Uhr'",
            Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final Clock clock;

    private final de.amtsraum.video.CallLinks callLinks;

    private final de.amtsraum.privacy.ProcessingRestrictions restrictions;

    private final de.amtsraum.identity.RightsLinks rightsLinks;

    BookingMails(Mailer mailer, PublicUrl publicUrl, Clock clock, de.amtsraum.video.CallLinks callLinks,
                 de.amtsraum.privacy.ProcessingRestrictions restrictions, de.amtsraum.identity.RightsLinks rightsLinks) {
        this.restrictions = restrictions;
        this.rightsLinks = rightsLinks;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.callLinks = callLinks;
    }

    /**
     * For a VIDEO service: the citizen's call page of the appointment's case (valid until a day after
     * the appointment), as a mail line; empty otherwise.
     */
    private String videoLine(TenantManifest manifest, Service service, Row row) {
        if (service.channel() != TenantManifest.Channel.VIDEO) {
            return "";
        }
        java.time.Duration validity = java.time.Duration.between(clock.instant(), row.end()).plusDays(1);
        return "Videoberatung / video consultation (zum Termin öffnen / open at your appointment): "
                + publicUrl.of(callLinks.citizenPage(manifest.id(),
                de.amtsraum.shared.CaseIds.forAppointment(row.appointmentId()),
                validity.isNegative() ? java.time.Duration.ofDays(1) : validity)) + "\n";
    }

    void confirmationRequest(TenantManifest manifest, Service service, String appointmentId, String email,
                             Instant start, Instant holdExpiresAt, String token) {
        String link = publicUrl.of("/" + manifest.id() + "/termin/bestaetigen?token=" + token);
        String until = at(manifest, holdExpiresAt).format(DateTimeFormatter.ofPattern("HH:mm", Locale.GERMAN));
        send(manifest, appointmentId, email, "Bitte bestätigen Sie Ihren Termin – " + manifest.name(), """
                Guten Tag,

                Sie möchten einen Termin bei %s buchen:
                %s
                %s

                Bitte bestätigen Sie den Termin bis %s Uhr über diesen Link. Ohne Bestätigung geben wir den
                Termin wieder frei und löschen Ihre Angaben:
                %s

                Haben Sie keinen Termin gebucht? Dann ignorieren Sie diese Nachricht einfach.

                -- English --
                Please confirm your appointment (%s, %s) by %s using the link above. Without confirmation the
                slot is released and your data deleted.

                %s""".formatted(manifest.name(), service.name(), german(manifest, start), until, link,
                service.name(), english(manifest, start), until, footer(manifest)), List.of());
    }

    void confirmed(TenantManifest manifest, Service service, Location location, Row row, String manageToken) {
        send(manifest, row, "Terminbestätigung – " + manifest.name(), """
                Guten Tag,

                Ihr Termin ist gebucht:
                %s
                %s
                %s
                %s
                %sAbsagen oder verschieben: %s

                Im Anhang finden Sie den Termin für Ihren Kalender.

                Ihre Daten einsehen, herunterladen oder löschen lassen: %s

                -- English --
                Your appointment is booked: %s, %s. Cancel or reschedule with the link above.

                %s""".formatted(service.name(), german(manifest, row.start()), place(service, location),
                documents(service), videoLine(manifest, service, row), manageLink(manifest, manageToken),
                rightsLinks.url(manifest.id(), row.subjectId()), service.name(),
                english(manifest, row.start()), footer(manifest)), List.of(ics(manifest, service, location, row, manageToken)));
    }

    void rescheduled(TenantManifest manifest, Service service, Location location, Row row, String manageToken) {
        send(manifest, row, "Ihr Termin wurde verschoben – " + manifest.name(), """
                Guten Tag,

                Ihr Termin ist verschoben auf:
                %s
                %s
                %s
                Absagen oder erneut verschieben: %s

                -- English --
                Your appointment was moved to %s.

                %s""".formatted(service.name(), german(manifest, row.start()), place(service, location),
                manageLink(manifest, manageToken), english(manifest, row.start()), footer(manifest)),
                List.of(ics(manifest, service, location, row, manageToken)));
    }

    void reminder(TenantManifest manifest, Service service, Location location, Row row, String manageToken) {
        if (restricted(row)) {
            return;
        }
        send(manifest, row, "Erinnerung an Ihren Termin – " + manifest.name(), """
                Guten Tag,

                wir erinnern Sie an Ihren Termin:
                %s
                %s
                %s
                %s
                Sie können nicht kommen? Bitte sagen Sie ab: %s

                -- English --
                Reminder: %s, %s. Cannot come? Please cancel with the link above.

                %s""".formatted(service.name(), german(manifest, row.start()), place(service, location),
                documents(service), manageLink(manifest, manageToken), service.name(), english(manifest, row.start()),
                footer(manifest)), List.of());
    }

    void cancelledByCitizen(TenantManifest manifest, Service service, Row row) {
        send(manifest, row, "Ihr Termin ist abgesagt – " + manifest.name(), """
                Guten Tag,

                Sie haben Ihren Termin abgesagt:
                %s
                %s

                Einen neuen Termin können Sie jederzeit buchen: %s

                -- English --
                You cancelled your appointment (%s, %s).

                %s""".formatted(service.name(), german(manifest, row.start()),
                publicUrl.of("/" + manifest.id() + "/termin"), service.name(), english(manifest, row.start()),
                footer(manifest)), List.of());
    }

    void cancelledByStaff(TenantManifest manifest, Service service, Row row, String reason) {
        if (restricted(row)) {
            return;
        }
        send(manifest, row, "Ihr Termin wurde abgesagt – " + manifest.name(), """
                Guten Tag,

                leider müssen wir Ihren Termin absagen:
                %s
                %s

                Grund: %s

                Bitte buchen Sie einen neuen Termin: %s
                Wir bitten um Entschuldigung.

                -- English --
                We regret that we had to cancel your appointment (%s, %s). Reason: see above.

                %s""".formatted(service.name(), german(manifest, row.start()), reason,
                publicUrl.of("/" + manifest.id() + "/termin"), service.name(), english(manifest, row.start()),
                footer(manifest)), List.of());
    }

    /** The appointment was ended for misuse: no reason (the evidence stays with the authority), no invitation to book. */
    void endedForMisuse(TenantManifest manifest, Service service, Row row) {
        send(manifest, row, "Ihr Termin wurde abgesagt – " + manifest.name(), """
                Guten Tag,

                Ihr Termin wurde von der Behörde beendet:
                %s
                %s

                Grund: %s
                Bei Fragen wenden Sie sich bitte direkt an die Behörde.

                -- English --
                Your appointment (%s, %s) was ended by the authority for a breach of the terms of use.

                %s""".formatted(service.name(), german(manifest, row.start()), BookingService.MISUSE_REASON,
                service.name(), english(manifest, row.start()), footer(manifest)), List.of());
    }

    /**
     * Restriction or undecided objection (Art. 18/21 GDPR, issue 8): no reminder, no staff cancellation
     * mail; mails the citizen's own action asks for (confirmation, their cancellation) still go.
     */
    private boolean restricted(Row row) {
        if (!restrictions.restricted(row.tenantId(), row.subjectId())) {
            return false;
        }
        log.info("Booking mail for appointment {} of {} not sent: processing restricted", row.appointmentId(),
                row.tenantId());
        return true;
    }

    private void send(TenantManifest manifest, Row row, String subject, String text,
                      List<OutgoingMail.Attachment> attachments) {
        send(manifest, row.appointmentId(), row.email(), subject, text, attachments);
    }

    private void send(TenantManifest manifest, String appointmentId, String email, String subject, String text,
                      List<OutgoingMail.Attachment> attachments) {
        if (email == null || Redaction.VALUE.equals(email)) {
            return;
        }
        try {
            mailer.send(new OutgoingMail(email, subject, text, attachments));
        } catch (RuntimeException failed) {
            log.warn("Booking mail for appointment {} of {} could not be sent: {}", appointmentId, manifest.id(),
                    failed.getClass().getSimpleName());
        }
    }

    private OutgoingMail.Attachment ics(TenantManifest manifest, Service service, Location location, Row row,
                                        String manageToken) {
        String calendar = IcsCalendar.event(new IcsEvent(row.appointmentId() + "@amtsraum",
                clock.instant(), at(manifest, row.start()), at(manifest, row.end()),
                service.name() + " – " + manifest.name(), placeLine(service, location),
                documents(service).strip(), manifest.name(), manifest.contact() == null ? null
                : manifest.contact().email(), manageLink(manifest, manageToken)));
        return new OutgoingMail.Attachment("termin.ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                calendar.getBytes(StandardCharsets.UTF_8));
    }

    private String manageLink(TenantManifest manifest, String manageToken) {
        return publicUrl.of("/" + manifest.id() + "/termin/verwalten?token=" + manageToken);
    }

    private String footer(TenantManifest manifest) {
        return """
                Wie wir mit Ihren Daten umgehen / Privacy notice: %s
                Diese Nachricht wurde automatisch erstellt. / This message was generated automatically."""
                .formatted(publicUrl.of("/" + manifest.id() + "/datenschutz"));
    }

    static String place(Service service, Location location) {
        return "Ort: " + placeLine(service, location);
    }

    static String placeLine(Service service, Location location) {
        if (service.channel() == TenantManifest.Channel.VIDEO) {
            return "Videoberatung (den Zugang erhalten Sie vor dem Termin)";
        }
        var address = location.address();
        return address == null ? location.name()
                : location.name() + ", " + address.street() + ", " + address.postalCode() + " " + address.city();
    }

    static String documents(Service service) {
        if (service.documentsToBring().isEmpty()) {
            return "";
        }
        return "Bitte mitbringen / please bring: " + String.join("; ", service.documentsToBring()) + "\n";
    }

    private static ZonedDateTime at(TenantManifest manifest, Instant instant) {
        return instant.atZone(manifest.timeZone());
    }

    static String german(TenantManifest manifest, Instant instant) {
        return at(manifest, instant).format(GERMAN);
    }

    static String english(TenantManifest manifest, Instant instant) {
        return at(manifest, instant).format(ENGLISH);
    }
}
