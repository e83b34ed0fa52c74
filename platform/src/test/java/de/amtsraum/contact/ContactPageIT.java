package de.amtsraum.contact;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.CapturedMail;
import de.amtsraum.support.PlatformTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    /** Cookies kept by hand: the session cookie is Secure, which Java's cookie store withholds on http. */
    final Map<String, String> cookies = new LinkedHashMap<>();
    final List<String> setCookieHeaders = new java.util.ArrayList<>();
    final HttpClient browser = HttpClient.newHttpClient();

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
        assertThat(cookies.keySet()).containsOnly("amtsraum_session");
        assertThat(setCookieHeaders).isNotEmpty().allSatisfy(cookie ->
                assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Secure"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, "text/html");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).GET());
    }

    /** Sends with the kept cookies, keeps new ones, and follows redirects like a browser. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            setCookieHeaders.add(header);
            String pair = header.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        var location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 == 3 && location.isPresent()) {
            return send(HttpRequest.newBuilder(response.uri().resolve(location.get())).header("Accept", "text/html").GET());
        }
        return response;
    }

    private HttpResponse<String> post(String path, String csrf, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("form carries a CSRF token").isTrue();
        return matcher.group(1);
    }
}
