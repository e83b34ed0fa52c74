package de.amtsraum.contact;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.CapturedMail;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The contact pages as a browser without JavaScript uses them: plain GET and form POST with CSRF token. */
@PlatformTest
class ContactPageIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeProperties runtime;

    PageClient browser;

    @BeforeEach
    void setUp() {
        browser = new PageClient(port);
    }

    private HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    private HttpResponse<String> get(String path, String accept) {
        return browser.get(path, accept);
    }

    private HttpResponse<String> post(String path, String csrf, Map<String, String> fields) {
        return browser.post(path, csrf, fields);
    }

    private static String csrf(String html) {
        return PageClient.csrf(html);
    }

    @Test
    void citizenSendsTheFormAndWithdrawsThroughTheMailLink() throws Exception {
        String email = "page-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> page = get("/helbra/kontakt");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"de\"").contains("Nachname").contains("(Pflicht)")
                .contains("href=\"/helbra/datenschutz\"");

        HttpResponse<String> sent = post("/helbra/kontakt", csrf(page.body()), Map.of("lastName", "Muster",
                "firstName", "Max", "email", email, "message", "Bitte um Rückruf.", "consent", "on"));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.uri().getPath()).isEqualTo("/helbra/kontakt/gesendet");
        assertThat(sent.body()).contains("Ihre Anfrage ist eingegangen");
        String token = CapturedMail.parameter(CapturedMail.latestTo(runtime.resolve("mail"), email).orElseThrow(),
                "token").orElseThrow();

        HttpResponse<String> confirm = get("/helbra/kontakt/widerruf?token=" + token);
        assertThat(confirm.body()).contains("Anfrage zurückziehen und löschen");
        HttpResponse<String> withdrawn = post("/helbra/kontakt/widerruf", csrf(confirm.body()), Map.of("token", token));
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("Ihre Anfrage ist gelöscht");
    }

    @Test
    void showsGermanMessagesAndStoresNothingForAnIncompleteForm() throws Exception {
        HttpResponse<String> page = get("/helbra/kontakt");
        int before = jdbc.queryForObject("select count(*) from contact_request", Integer.class);

        HttpResponse<String> refused = post("/helbra/kontakt", csrf(page.body()), Map.of("firstName", "Max",
                "email", "kein-at-zeichen", "message", "x".repeat(6000)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Bitte prüfen Sie Ihre Angaben")
                .contains("Bitte geben Sie Ihren Nachnamen an.")
                .contains("Bitte geben Sie eine gültige E-Mail-Adresse an")
                .contains("höchstens 5000 Zeichen")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"Max\"");
        assertThat(jdbc.queryForObject("select count(*) from contact_request", Integer.class)).isEqualTo(before);
    }

    @Test
    void refusesAPostWithoutCsrfToken() throws Exception {
        get("/helbra/kontakt");

        assertThat(post("/helbra/kontakt", null, Map.of("lastName", "X")).statusCode()).isEqualTo(403);
    }

    @Test
    void answersUnknownTenantsAndMissingFeaturesWithAGermanPage() throws Exception {
        HttpResponse<String> unknown = get("/atlantis/kontakt");
        HttpResponse<String> noForm = get("/recklinghausen/kontakt");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Seite nicht gefunden");
        assertThat(noForm.statusCode()).isEqualTo(404);
        assertThat(noForm.body()).contains("Seite nicht gefunden").doesNotContain("Exception");
    }

    @Test
    void privacyNoticeShowsTheRulesTheEngineRuns() throws Exception {
        HttpResponse<String> notice = get("/helbra/datenschutz");

        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.body().replaceAll("\\s+", " ")).contains("Datenschutzhinweise").contains("Zuletzt geändert am")
                .contains("Wird unmittelbar nach Abschluss des Gesprächs gelöscht.")
                .contains("Landesbeauftragte für den Datenschutz Sachsen-Anhalt")
                .contains("außerhalb der Europäischen Union");
        assertThat(get("/recklinghausen/datenschutz").body().replaceAll("\\s+", " "))
                .contains("Wird 48 Stunden nach dem Ende des Termins anonymisiert.");
    }

    @Test
    void pagesLoadNothingFromOtherOriginsAndSetOnlyTheSessionCookie() throws Exception {
        HttpResponse<String> page = get("/helbra/kontakt");

        assertThat(page.body()).doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContain("<script");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(get("/kern/kern.min.css", "text/css").statusCode()).isEqualTo(200);
        assertThat(get("/helbra/theme.css", "text/css").body()).contains("--amtsraum-brand:#");
        assertThat(browser.cookies.keySet()).containsOnly("amtsraum_session");
        assertThat(browser.setCookieHeaders).isNotEmpty().allSatisfy(cookie ->
                assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Secure"));
    }
}
