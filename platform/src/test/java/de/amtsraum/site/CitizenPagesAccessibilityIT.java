package de.amtsraum.site;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.Api;
import de.amtsraum.support.Axe;
import de.amtsraum.support.ContactFixtures;
import de.amtsraum.support.Browser;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The citizen pages of the five authorities in chromium, checked by axe-core against WCAG 2.1 A and
 * AA: every page a tenant offers (booking start and a service's month, contact form, account
 * registration, sign-in and reset, the privacy notice and its versions, the rights page, the terms of
 * use), in German and in English, and a form showing its error summary. Zero violations.
 */
@PlatformTest
class CitizenPagesAccessibilityIT {

    private static final List<String> TENANTS = List.of("heilbronn", "coburg", "recklinghausen", "leer", "helbra");

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    de.amtsraum.identity.RightsLinks links;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyCitizenPageOfTheFiveAuthoritiesPassesAxeInGermanAndEnglish() throws Exception {
        browser = Browser.start();
        List<String> checked = new ArrayList<>();
        for (String tenant : TENANTS) {
            TenantManifest manifest = tenants.manifest(tenant).orElseThrow();
            for (String path : pages(manifest)) {
                for (String language : List.of("", "?lang=en")) {
                    browser.get("http://localhost:" + port + path + language);
                    assertThat(browser.findElements(By.tagName("main"))).as(path + language).isNotEmpty();
                    assertThat(browser.getTitle()).as(path + language).doesNotContainIgnoringCase("nicht gefunden")
                            .doesNotContainIgnoringCase("not found");
                    Axe.assertAccessible(browser, path + language);
                    checked.add(path + language);
                }
            }
        }
        assertThat(checked).as("pages checked").hasSizeGreaterThan(50);
    }

    @Test
    void formsShowingTheirErrorSummaryPassAxe() throws Exception {
        browser = Browser.start();
        for (String path : List.of("/helbra/kontakt", "/coburg/konto/registrieren")) {
            browser.get("http://localhost:" + port + path);
            // Without the browser's own checks, so the server's error summary is what the citizen sees.
            browser.executeScript("document.querySelectorAll('form').forEach(f => f.noValidate = true)");
            WebElement main = browser.findElement(By.tagName("main"));
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(main));
            assertThat(browser.findElements(By.cssSelector("[role=alert]"))).as(path + " error summary").isNotEmpty();
            Axe.assertAccessible(browser, path + " with errors");
        }
    }

    @Test
    void theSelfServiceOverviewOfAPersonPassesAxe() throws Exception {
        String email = "axe" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Api api = new Api(port);
        Api.Response submitted = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json",
                ContactFixtures.form(email).toString());
        assertThat(submitted.status()).isEqualTo(202);
        String requestId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(submitted.body()).get("id").asText();
        String subject = jdbc.queryForObject("SELECT subject_id FROM contact_request WHERE request_id = ?",
                String.class, requestId);
        String url = links.url("helbra", subject);
        String path = url.substring(url.indexOf("/helbra/"));
        browser = Browser.start();
        for (String language : List.of("", "&lang=en")) {
            browser.get("http://localhost:" + port + path + language);
            assertThat(browser.findElements(By.cssSelector("form[action$='/meine-daten/export']"))).as(language).isNotEmpty();
            Axe.assertAccessible(browser, "/helbra/meine-daten (overview)" + language);
        }
    }

    private static List<String> pages(TenantManifest manifest) {
        String base = "/" + manifest.id();
        List<String> pages = new ArrayList<>(List.of(base + "/datenschutz", base + "/datenschutz/versionen",
                base + "/rechte", base + "/meine-daten"));
        if (manifest.features().termsOfUse()) {
            pages.add(base + "/nutzungsbedingungen");
        }
        if (manifest.features().booking()) {
            pages.add(base + "/termin");
            pages.add(base + "/termin/" + manifest.services().getFirst().id());
        }
        if (manifest.features().contactForm()) {
            pages.add(base + "/kontakt");
        }
        if (manifest.features().citizenAccounts()) {
            pages.addAll(List.of(base + "/konto/registrieren", base + "/konto/anmelden", base + "/konto/passwort-vergessen"));
        }
        return pages;
    }
}
