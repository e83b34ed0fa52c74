package de.amtsraum.account.internal;

import de.amtsraum.notification.Mailer;
import de.amtsraum.notification.OutgoingMail;
import de.amtsraum.notification.PublicUrl;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.tenancy.manifest.TenantManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The citizen's mail about the account, German first with a short English part: the verification
 * link, the reset link, the confirmation of a closure. The address is the account's ACCOUNT_EMAIL
 * value, used for nothing else. A failed hand-over is logged by kind, without the address.
 */
@Component
class AccountMails {

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

    private final Mailer mailer;
    private final PublicUrl publicUrl;

    private final de.amtsraum.identity.RightsLinks rightsLinks;

    AccountMails(Mailer mailer, PublicUrl publicUrl, de.amtsraum.identity.RightsLinks rightsLinks) {
        this.rightsLinks = rightsLinks;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    void verification(TenantManifest manifest, String email, String username, String token, long validHours,
                      String subjectId) {
        String link = publicUrl.of("/" + manifest.id() + "/konto/bestaetigen?token=" + token);
        send(manifest, email, "Bitte bestätigen Sie Ihre E-Mail-Adresse – " + manifest.name(), """
                Guten Tag,

                Sie haben bei %s ein Konto mit dem Benutzernamen „%s“ angelegt. Bitte bestätigen Sie Ihre
                E-Mail-Adresse innerhalb von %d Stunden über diesen Link; erst danach können Sie sich anmelden:
                %s

                Haben Sie kein Konto angelegt? Dann ignorieren Sie diese Nachricht einfach.

                Ihre Daten einsehen, herunterladen oder löschen lassen: %s

                -- English --
                You created an account ("%s") with %s. Please confirm your e-mail address within %d hours
                using the link above; you can log in after that.

                %s""".formatted(manifest.name(), username, validHours, link, rightsLinks.url(manifest.id(), subjectId), username,
                manifest.name(), validHours,
                footer(manifest)));
    }

    void reset(TenantManifest manifest, String email, String username, String token, long validMinutes) {
        String link = publicUrl.of("/" + manifest.id() + "/konto/passwort-neu?token=" + token);
        send(manifest, email, "Neues Passwort für Ihr Konto – " + manifest.name(), """
                Guten Tag,

                für Ihr Konto „%s“ bei %s wurde ein neues Passwort angefordert. Über diesen Link können Sie
                innerhalb von %d Minuten ein neues Passwort festlegen; der Link gilt nur einmal:
                %s

                Haben Sie nichts angefordert? Dann ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.

                -- English --
                A new password was requested for your account ("%s"). Use the link above within %d minutes to
                set one; it works once. Did not ask for it? Ignore this message.

                %s""".formatted(username, manifest.name(), validMinutes, link, username, validMinutes,
                footer(manifest)));
    }

    void closed(TenantManifest manifest, String email, String username) {
        send(manifest, email, "Ihr Konto ist geschlossen – " + manifest.name(), """
                Guten Tag,

                Ihr Konto „%s“ bei %s ist geschlossen. Ihre Kontodaten werden nach den Löschfristen in den
                Datenschutzhinweisen gelöscht; eine Anmeldung ist nicht mehr möglich.

                -- English --
                Your account ("%s") is closed. Its data is erased as the privacy notice states; you cannot log
                in any more.

                %s""".formatted(username, manifest.name(), username, footer(manifest)));
    }

    private void send(TenantManifest manifest, String email, String subject, String text) {
        if (email == null || Redaction.VALUE.equals(email)) {
            return;
        }
        try {
            mailer.send(new OutgoingMail(email, subject, text));
        } catch (RuntimeException failed) {
            log.warn("Account mail of {} could not be sent: {}", manifest.id(), failed.getClass().getSimpleName());
        }
    }

    private String footer(TenantManifest manifest) {
        return """
                Wie wir mit Ihren Daten umgehen / Privacy notice: %s
                Diese Nachricht wurde automatisch erstellt. / This message was generated automatically."""
                .formatted(publicUrl.of("/" + manifest.id() + "/datenschutz"));
    }
}
