package de.amtsraum.contact.internal;

import de.amtsraum.shared.UserAgentClass;
import de.amtsraum.contact.ContactForm;
import de.amtsraum.contact.ContactFormNotOfferedException;
import de.amtsraum.contact.ContactRequestView;
import de.amtsraum.contact.ContactRequests;
import de.amtsraum.contact.InvalidContactRequestException;
import de.amtsraum.contact.UnknownContactRequestException;
import de.amtsraum.identity.SignedLinks;
import de.amtsraum.notification.Mailer;
import de.amtsraum.notification.OutgoingMail;
import de.amtsraum.notification.PublicUrl;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
class ContactRequestService implements ContactRequests {

    static final String WITHDRAW = "contact-withdraw";
    private static final Duration LINK_VALIDITY = Duration.ofDays(365);
    private static final Logger log = LoggerFactory.getLogger(ContactRequestService.class);

    private final TenantDirectory tenants;
    private final CommandGateway commands;
    private final ContactRequestQueries queries;
    private final Mailer mailer;
    private final SignedLinks links;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final de.amtsraum.notice.PrivacyNotices notices;

    private final de.amtsraum.identity.RightsLinks rightsLinks;

    ContactRequestService(TenantDirectory tenants, CommandGateway commands, ContactRequestQueries queries,
                          Mailer mailer, SignedLinks links, Clock clock, PublicUrl publicUrl,
                          de.amtsraum.notice.PrivacyNotices notices, de.amtsraum.identity.RightsLinks rightsLinks) {
        this.rightsLinks = rightsLinks;
        this.notices = notices;
        this.tenants = tenants;
        this.commands = commands;
        this.queries = queries;
        this.mailer = mailer;
        this.links = links;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @Override
    public String submit(String tenantId, ContactForm form, Submission submission) {
        TenantManifest manifest = offering(tenantId);
        ContactForm normalized = form.normalized();
        List<ContactForm.Problem> problems = normalized.problems(manifest.contactForm());
        if (!problems.isEmpty()) {
            throw new InvalidContactRequestException(problems);
        }
        String noticeVersion = notices.currentNumber(tenantId);
        String requestId = UUID.randomUUID().toString();
        String subjectId = UUID.randomUUID().toString();
        UserAgentClass agent = UserAgentClass.of(submission.userAgent());
        commands.sendAndWait(new ContactCommands.Submit(tenantId, requestId, subjectId, normalized, agent.browser(),
                agent.operatingSystem(), submission.ipAddress(), noticeVersion, clock.instant()));
        if (normalized.email() != null) {
            confirm(manifest, normalized.email(), requestId, subjectId);
        }
        return requestId;
    }

    @Override
    public List<ContactRequestView> list(String tenantId) {
        offering(tenantId);
        return queries.list(tenantId, 500);
    }

    @Override
    public ContactRequestView get(String tenantId, String requestId) {
        offering(tenantId);
        return queries.find(tenantId, requestId).orElseThrow(UnknownContactRequestException::new);
    }

    @Override
    public boolean conclude(String tenantId, String requestId) {
        offering(tenantId);
        // The aggregate refuses unknown ids and other tenants' requests (UnknownContactRequestException).
        return send(new ContactCommands.Conclude(tenantId, requestId, clock.instant()));
    }

    @Override
    public void withdraw(String tenantId, String withdrawalToken) {
        String requestId = links.verify(withdrawalToken, WITHDRAW, tenantId)
                .orElseThrow(UnknownContactRequestException::new);
        send(new ContactCommands.Withdraw(tenantId, requestId, clock.instant()));
    }

    private boolean send(Object command) {
        try {
            return Boolean.TRUE.equals(commands.sendAndWait(command));
        } catch (AggregateNotFoundException unknown) {
            throw new UnknownContactRequestException();
        }
    }

    private TenantManifest offering(String tenantId) {
        TenantManifest manifest = tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
        if (!manifest.features().contactForm()) {
            throw new ContactFormNotOfferedException();
        }
        return manifest;
    }

    private void confirm(TenantManifest manifest, String email, String requestId, String subjectId) {
        String token = links.issue(WITHDRAW, manifest.id(), requestId, LINK_VALIDITY);
        String link = publicUrl.of("/" + manifest.id() + "/kontakt/widerruf?token=" + token);
        String text = """
                Guten Tag,

                Ihre Nachricht an %s ist eingegangen. Wir melden uns bei Ihnen.

                Sie können Ihre Anfrage jederzeit zurückziehen. Dann löschen wir sie mit allen Angaben sofort:
                %s

                Wie wir mit Ihren Daten umgehen: %s

                Ihre Daten einsehen, herunterladen oder löschen lassen: %s

                Diese Nachricht wurde automatisch erstellt.
                """.formatted(manifest.name(), link, publicUrl.of("/" + manifest.id() + "/datenschutz"),
                rightsLinks.url(manifest.id(), subjectId));
        try {
            mailer.send(new OutgoingMail(email, "Ihre Kontaktanfrage an " + manifest.name(), text));
        } catch (RuntimeException failed) {
            // The request is stored; staff will answer. The failure is logged without the address.
            log.warn("Confirmation mail for a contact request could not be sent: {}", failed.getClass().getSimpleName());
        }
    }
}
