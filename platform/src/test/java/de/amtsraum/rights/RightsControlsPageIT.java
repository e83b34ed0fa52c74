package de.amtsraum.rights;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.contact.ContactForm;
import de.amtsraum.contact.ContactRequests;
import de.amtsraum.identity.RightsLinks;
import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.site.TenantSite;
import de.amtsraum.support.PageClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import de.amtsraum.support.PlatformTest;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The self-service forms of {@code /{tenant}/meine-daten} without JavaScript: a genuine rights link
 * restricts, lifts, corrects and withdraws and redirects back to the overview (the client follows it); a forged token gets a
 * German 400 page and changes nothing; refused input redirects back (German message as flash).
 */
@PlatformTest
class RightsControlsPageIT {

    private static final String TENANT = "helbra";

    @LocalServerPort
    int port;
    @Autowired
    RightsLinks links;
    @Autowired
    ContactRequests contacts;
    @Autowired
    ProcessingControls controls;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.thymeleaf.ITemplateEngine templates;

    @Test
    void aGenuineLinkRestrictsLiftsCorrectsAndWithdraws() {
        String requestId = submit();
        String subject = subjectOf(requestId);
        Person person = new Person(TENANT, subject, Set.of(subject));
        String token = token(subject);
        PageClient page = new PageClient(port);
        String csrf = PageClient.csrf(page.get("/" + TENANT + "/kontakt").body());

        HttpResponse<String> restricted = page.post("/" + TENANT + "/meine-daten/einschraenken", csrf,
                Map.of("token", token));
        // The client follows the redirect to the overview (built by the overview's own controller).
        assertThat(URLDecoder.decode(restricted.uri().toString(), StandardCharsets.UTF_8))
                .endsWith("/" + TENANT + "/meine-daten?token=" + token);
        assertThat(controls.status(person).restrictedSince()).isNotNull();

        page.post("/" + TENANT + "/meine-daten/einschraenkung-aufheben", csrf, Map.of("token", token));
        assertThat(controls.status(person).restrictedSince()).isNull();

        HttpResponse<String> corrected = page.post("/" + TENANT + "/meine-daten/berichtigen", csrf,
                Map.of("token", token, "source", "contact", "recordId", requestId, "value.town", "Eisleben"));
        assertThat(corrected.uri().getPath()).isEqualTo("/" + TENANT + "/meine-daten");
        assertThat(contacts.get(TENANT, requestId).town()).isEqualTo("Eisleben");

        HttpResponse<String> refused = page.post("/" + TENANT + "/meine-daten/berichtigen", csrf,
                Map.of("token", token, "source", "contact", "recordId", requestId, "value.email", "x@example.org"));
        assertThat(refused.uri().getPath()).as("back to the overview with the message")
                .isEqualTo("/" + TENANT + "/meine-daten");
        assertThat(contacts.get(TENANT, requestId).email()).isNotEqualTo("x@example.org");

        page.post("/" + TENANT + "/meine-daten/einwilligung-widerrufen", csrf,
                Map.of("token", token, "source", "contact", "recordId", requestId));
        assertThat(contacts.get(TENANT, requestId).status()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aForgedTokenGetsAGerman400PageAndChangesNothing() {
        String requestId = submit();
        String subject = subjectOf(requestId);
        String token = token(subject);
        PageClient page = new PageClient(port);
        String csrf = PageClient.csrf(page.get("/" + TENANT + "/kontakt").body());
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

        for (String bad : new String[] {forged, "", token(subject, "coburg")}) {
            HttpResponse<String> response = page.post("/" + TENANT + "/meine-daten/einschraenken", csrf,
                    Map.of("token", bad));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("Link ungültig").doesNotContain("Exception");
        }
        assertThat(controls.status(new Person(TENANT, subject, Set.of(subject))).restrictedSince()).isNull();
    }

    /** The fragment the overview includes renders (German, with the record's correctable fields and consent). */
    @Test
    void theFragmentRendersTheForms() {
        HeldRecord record = new HeldRecord("contact", "contact-request", "r-1", "s-1", "OPEN", Instant.EPOCH,
                new HeldRecord.Consent("1", null, Instant.EPOCH, null),
                List.of(new HeldRecord.Field("town", DataKind.CONTACT_REQUEST, "kontakt", "Helbra", false),
                        new HeldRecord.Field("email", DataKind.CONTACT_REQUEST, "kontakt", "a@example.org", false)));
        Map<String, Object> variables = new HashMap<>();
        variables.put("site", new TenantSite.Frame(TENANT, "Helbra", null, true, false, false, false));
        variables.put("controlsToken", "t0k3n");
        variables.put("controlsStatus", new ProcessingControls.Status(null, null));
        variables.put("controlsRecords", List.of(record));
        variables.put("controlsCorrectable", Map.of("contact/contact-request", Set.of("town")));
        variables.put("rightsControlsError", "rights.controls.error.invalid");
        var application = JakartaServletWebApplication.buildApplication(new MockServletContext());
        var exchange = application.buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse());
        String html = templates.process("rights/controls", Set.of("controls"),
                new WebContext(exchange, Locale.GERMAN, variables));

        assertThat(html).contains("action=\"/helbra/meine-daten/einschraenken\"", "name=\"value.town\"",
                "value=\"Helbra\"", "/helbra/meine-daten/einwilligung-widerrufen", "name=\"grounds\"",
                "value=\"t0k3n\"", "Der neue Wert ist nicht gültig")
                .doesNotContain("name=\"value.email\"").doesNotContain("einschraenkung-aufheben");
    }

    private String token(String subject) {
        return token(subject, TENANT);
    }

    private String token(String subject, String tenant) {
        String url = links.url(tenant, subject);
        return URLDecoder.decode(url.substring(url.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    }

    private String submit() {
        return contacts.submit(TENANT, new ContactForm("Mustermann", "Erika", "seite-" + UUID.randomUUID()
                + "@example.org", "Eine Frage.", "Hauptstraße", "5", "06311", "Helbra", true),
                new ContactRequests.Submission("192.0.2.1", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"));
    }

    private String subjectOf(String requestId) {
        return jdbc.queryForObject("select subject_id from contact_request where request_id = ?", String.class,
                requestId);
    }
}
