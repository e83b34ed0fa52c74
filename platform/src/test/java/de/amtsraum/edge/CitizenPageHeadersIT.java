package de.amtsraum.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantSummary;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every citizen page of every tenant that offers it (services, a service's month, a day, the booking
 * form, the contact form, the privacy notice, the terms of use, answers to forged links and invalid forms, 404 pages)
 * carries the security headers, sets no cookie but the session cookie with its flags, protects every
 * form with a CSRF token, has no inline script or style, and loads its stylesheets and scripts from
 * this origin only (each of them answering 200).
 */
@PlatformTest
class CitizenPageHeadersIT {

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    MutableClock clock;

    record Page(String label, HttpResponse<String> response, int expectedStatus) {
    }

    @Test
    void everyCitizenPageCarriesTheHeadersAndOnlyTheSessionCookie() {
        Api api = new Api(port);
        PageClient browser = new PageClient(port);
        List<Page> pages = new ArrayList<>();
        int booking = 0;
        int contact = 0;
        // The repository's tenants: other tests onboard further ones into the shared context.
        java.util.Set<String> repository = repositoryTenants();
        for (TenantSummary summary : tenants.list()) {
            if (!repository.contains(summary.id())) {
                continue;
            }
            TenantManifest manifest = tenants.manifest(summary.id()).orElseThrow();
            String t = manifest.id();
            pages.add(new Page(t + " privacy notice", browser.get("/" + t + "/datenschutz"), 200));
            pages.add(new Page(t + " privacy notice (English)", browser.get("/" + t + "/datenschutz?lang=en"), 200));
            pages.add(new Page(t + " unknown page", browser.get("/" + t + "/gibt-es-nicht"), 404));
            pages.add(new Page(t + " rights", browser.get("/" + t + "/rechte"), 200));
            pages.add(new Page(t + " notice versions", browser.get("/" + t + "/datenschutz/versionen"), 200));
            pages.add(new Page(t + " notice version 1", browser.get("/" + t + "/datenschutz/versionen/1"), 200));
            boolean terms = manifest.features().termsOfUse() && manifest.texts() != null
                    && manifest.texts().termsOfUse() != null;
            pages.add(new Page(t + " terms of use", browser.get("/" + t + "/nutzungsbedingungen"), terms ? 200 : 404));
            if (manifest.features().booking() && manifest.booking() != null) {
                booking++;
                pages.addAll(bookingPages(api, browser, manifest));
            } else {
                pages.add(new Page(t + " booking not offered", browser.get("/" + t + "/termin"), 404));
            }
            boolean accounts = manifest.features().citizenAccounts();
            for (String path : List.of("/konto/registrieren", "/konto/anmelden", "/konto/passwort-vergessen")) {
                pages.add(new Page(t + " account " + path, browser.get("/" + t + path), accounts ? 200 : 404));
            }
            pages.add(new Page(t + " staff sign-in", browser.get("/" + t + "/mitarbeiter/termine"), 200));
            if (manifest.features().contactForm()) {
                contact++;
                pages.addAll(contactPages(browser, t));
            } else {
                pages.add(new Page(t + " contact form not offered", browser.get("/" + t + "/kontakt"), 404));
            }
        }
        assertThat(booking).as("tenants with booking").isEqualTo(4);
        assertThat(contact).as("tenants with a contact form").isEqualTo(1);
        pages.add(new Page("refused staff sign-in", browser.get("/idp/fehler"), 403));
        pages.add(new Page("unknown tenant", browser.get("/keine-behoerde/termin"), 404));
        pages.add(new Page("unknown path", browser.get("/"), 404));
        pages.add(new Page("form post without CSRF token", new PageClient(port).post("/helbra/kontakt", null,
                Map.of("lastName", "X")), 403));

        SoftAssertions soft = new SoftAssertions();
        for (Page page : pages) {
            check(soft, page, browser);
        }
        assertThat(browser.setCookieHeaders).as("the pages set the session cookie at least once").isNotEmpty();
        for (String cookie : browser.setCookieHeaders) {
            soft.assertThat(cookie).as("Set-Cookie").startsWith("amtsraum_session=").containsIgnoringCase("; HttpOnly")
                    .containsIgnoringCase("; Secure").containsIgnoringCase("; SameSite=Strict");
        }
        soft.assertAll();
    }

    private List<Page> bookingPages(Api api, PageClient browser, TenantManifest manifest) {
        String t = manifest.id();
        List<Page> pages = new ArrayList<>();
        pages.add(new Page(t + " services", browser.get("/" + t + "/termin"), 200));
        JsonNode services = api.get("/api/v1/tenants/" + t + "/services").json();
        String service = services.get(0).get("id").asText();
        pages.add(new Page(t + " month", browser.get("/" + t + "/termin/" + service), 200));
        List<JsonNode> slots = BookingFixtures.slots(api, t, service, clock.instant(),
                Math.min(40, manifest.booking().bookingWindowDays()));
        assertThat(slots).as(t + " has free slots").isNotEmpty();
        var start = OffsetDateTime.parse(slots.get(0).get("start").asText()).atZoneSameInstant(manifest.timeZone())
                .toLocalDateTime();
        pages.add(new Page(t + " day", browser.get("/" + t + "/termin/" + service + "/tag/" + start.toLocalDate()), 200));
        HttpResponse<String> form = browser.get("/" + t + "/termin/" + service + "/buchen?start=" + start);
        pages.add(new Page(t + " booking form", form, 200));
        Map<String, String> incomplete = new LinkedHashMap<>();
        incomplete.put("start", start.toString());
        pages.add(new Page(t + " booking form with errors", browser.post("/" + t + "/termin/" + service + "/buchen",
                PageClient.csrf(form.body()), incomplete), 422));
        pages.add(new Page(t + " booking sent", browser.get("/" + t + "/termin/gesendet"), 200));
        pages.add(new Page(t + " forged confirmation link", browser.get("/" + t + "/termin/bestaetigen?token=forged"), 404));
        pages.add(new Page(t + " forged manage link", browser.get("/" + t + "/termin/verwalten?token=forged"), 404));
        pages.add(new Page(t + " unknown service", browser.get("/" + t + "/termin/gibt-es-nicht"), 404));
        return pages;
    }

    private List<Page> contactPages(PageClient browser, String t) {
        List<Page> pages = new ArrayList<>();
        HttpResponse<String> form = browser.get("/" + t + "/kontakt");
        pages.add(new Page(t + " contact form", form, 200));
        pages.add(new Page(t + " contact form with errors", browser.post("/" + t + "/kontakt", PageClient.csrf(form.body()),
                Map.of("firstName", "Max")), 422));
        pages.add(new Page(t + " contact sent", browser.get("/" + t + "/kontakt/gesendet"), 200));
        // The link shows a confirmation button for any token; the POST checks it.
        HttpResponse<String> withdraw = browser.get("/" + t + "/kontakt/widerruf?token=forged");
        pages.add(new Page(t + " withdrawal confirmation", withdraw, 200));
        pages.add(new Page(t + " forged withdrawal", browser.post("/" + t + "/kontakt/widerruf",
                PageClient.csrf(withdraw.body()), Map.of("token", "forged")), 404));
        return pages;
    }

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSET = Pattern.compile("<(?:link|script)\\b[^>]*?(?:href|src)=\"([^\"]+)\"");

    private void check(SoftAssertions soft, Page page, PageClient browser) {
        HttpResponse<String> response = page.response();
        var headers = response.headers();
        String label = page.label() + " " + response.uri().getPath();
        soft.assertThat(response.statusCode()).as(label + " status").isEqualTo(page.expectedStatus());
        soft.assertThat(headers.firstValue("Content-Type").orElse("")).as(label + " content type").startsWith("text/html");
        String csp = headers.firstValue("Content-Security-Policy").orElse("");
        soft.assertThat(csp).as(label + " CSP").contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        soft.assertThat(headers.firstValue("Strict-Transport-Security").orElse("")).as(label + " HSTS")
                .contains("max-age=31536000").contains("includeSubDomains");
        soft.assertThat(headers.firstValue("Referrer-Policy").orElse("")).as(label + " Referrer-Policy")
                .isIn("no-referrer", "same-origin");
        soft.assertThat(headers.firstValue("X-Content-Type-Options")).as(label + " nosniff").hasValue("nosniff");
        soft.assertThat(headers.firstValue("X-Frame-Options")).as(label + " X-Frame-Options").hasValue("DENY");
        soft.assertThat(headers.firstValue("Permissions-Policy").orElse("")).as(label + " Permissions-Policy")
                .contains("camera=()", "microphone=()", "geolocation=()");
        soft.assertThat(headers.firstValue("Cache-Control").orElse("")).as(label + " Cache-Control").contains("no-store");
        for (String cookie : headers.allValues("Set-Cookie")) {
            soft.assertThat(cookie).as(label + " Set-Cookie").startsWith("amtsraum_session=");
        }
        String html = response.body();
        soft.assertThat(html).as(label + " inline style").doesNotContainPattern("(?i)<style\\b|\\sstyle=\"");
        soft.assertThat(html).as(label + " inline script").doesNotContainPattern("(?i)<script(?![^>]*\\ssrc=)[^>]*>");
        soft.assertThat(html).as(label + " event handler attribute").doesNotContainPattern("(?i)\\son[a-z]+=\"");
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            if (forms.group(0).toLowerCase().contains("method=\"post\"")) {
                soft.assertThat(forms.group(1)).as(label + " form has a CSRF token").contains("name=\"_csrf\"");
            }
        }
        Matcher assets = ASSET.matcher(html);
        while (assets.find()) {
            String asset = assets.group(1).replace("&amp;", "&");
            if (asset.equals("data:,")) {
                continue; // the empty icon of the layout (no /favicon.ico request)
            }
            soft.assertThat(asset).as(label + " asset from this origin").startsWith("/").doesNotStartWith("//");
            if (asset.startsWith("/") && !asset.startsWith("//")) {
                soft.assertThat(new PageClient(port).get(asset, "*/*").statusCode()).as(label + " asset " + asset)
                        .isEqualTo(200);
            }
        }
    }

    private static java.util.Set<String> repositoryTenants() {
        try (var folders = java.nio.file.Files.list(de.amtsraum.support.ManifestFixtures.REPOSITORY_TENANTS)) {
            return folders.filter(java.nio.file.Files::isDirectory).map(folder -> folder.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
