package de.amtsraum.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.identity.Totp;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.Api;
import de.amtsraum.support.Axe;
import de.amtsraum.support.Browser;
import de.amtsraum.support.ContactFixtures;
import de.amtsraum.support.Forensics;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in chromium: an operator signs in at the platform issuer (password, TOTP),
 * uploads an invalid manifest (the errors are listed), then a valid one (a new tenant whose citizen
 * pages work at once), suspends and resumes it, sees the offboarding confirmation refuse a wrong id,
 * and offboards it with the right one: its KEK is gone and its personal data reads as the redaction
 * value (no canary in a {@code pg_dump}; the full forensic proof is {@code TenantOffboardingIT}). Every page on the way, and the new tenant's main citizen pages, pass axe-core (WCAG 2.1 AA).
 */
@PlatformTest
class OperatorConsoleBrowserIT {

    static final String TENANT = "musterstadt";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    EventStore eventStore;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    DataSource dataSource;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void submit(String formSelector, String titlePart) {
        browser.findElement(By.cssSelector(formSelector + " button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains(titlePart));
    }

    /** Presses the form's button and waits for the next page (whose title may be the same). */
    private void press(String formSelector) {
        var page = browser.findElement(By.tagName("main"));
        browser.findElement(By.cssSelector(formSelector + " button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    private void open(String path, String titlePart) {
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains(titlePart));
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private void signIn() {
        open("/betrieb", "Anmeldung");
        assertThat(browser.getCurrentUrl()).contains("/idp/login");
        browser.findElement(By.id("username")).sendKeys("betrieb.operator");
        browser.findElement(By.id("password")).sendKeys("dev-staff-2026");
        submit("main form", "Bestätigungscode");
        browser.findElement(By.id("code")).sendKeys(Totp.code("JBSWY3DPEHPK3PXP", clock.instant().getEpochSecond()));
        submit("main form", "Mandantenliste");
        assertThat(browser.getCurrentUrl()).contains("/betrieb");
    }

    private void upload(String resource, String titlePart) {
        open("/betrieb/aufnehmen", "aufnehmen");
        browser.findElement(By.id("manifest")).sendKeys(UploadedManifestTest.class.getResource("/operator/" + resource)
                .getPath());
        submit("main form[enctype]", titlePart);
    }

    private String statusOf(String tenant) {
        return browser.findElement(By.cssSelector("#mandant-" + tenant + " [data-status]")).getAttribute("data-status");
    }

    @Test
    void anOperatorOnboardsATenantByUploadAndItsPagesWork() throws Exception {
        browser = Browser.start();
        signIn();
        assertThat(main()).contains("Landratsamt Heilbronn", "Verbandsgemeinde Mansfelder Grund-Helbra");
        assertThat(statusOf("leer")).isEqualTo("ACTIVE");
        Axe.assertAccessible(browser, "operator tenant list");

        open("/betrieb/aufnehmen", "aufnehmen");
        Axe.assertAccessible(browser, "operator upload page");
        upload("invalid-manifest.yaml", "Fehler");
        String errors = browser.findElement(By.cssSelector("[role=alert]")).getText();
        assertThat(errors).contains("nicht übernommen", "invalid-manifest.yaml", "dataCategories", "is required but missing");
        assertThat(browser.findElements(By.cssSelector("[role=alert] li.amtsraum-problem"))).hasSizeGreaterThan(1);
        Axe.assertAccessible(browser, "operator upload page with errors");

        upload("musterstadt.yaml", "Mandantenliste");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("musterstadt", "aufgenommen");
        assertThat(statusOf(TENANT)).isEqualTo("ACTIVE");
        assertThat(browser.findElement(By.id("mandant-" + TENANT)).getText())
                .contains("Stadt Musterstadt", "Version 1", "Terminbuchung", "Kontaktformular");

        for (var page : List.of(List.of("/" + TENANT + "/termin", "Musterstadt"),
                List.of("/" + TENANT + "/kontakt", "Musterstadt"), List.of("/" + TENANT + "/datenschutz", "Musterstadt"),
                List.of("/" + TENANT + "/nutzungsbedingungen", "Musterstadt"))) {
            open(page.get(0), page.get(1));
            assertThat(browser.findElement(By.tagName("header")).getText()).contains("Stadt Musterstadt");
            Axe.assertAccessible(browser, "citizen page " + page.get(0));
        }
        open("/" + TENANT + "/termin", "Musterstadt");
        assertThat(main()).contains("Wohnsitz anmelden in Musterstadt");

        // Suspension: the citizen pages say "vorübergehend nicht verfügbar" with 503; nothing is lost.
        open("/betrieb", "Mandantenliste");
        press("#mandant-" + TENANT + " form");
        assertThat(statusOf(TENANT)).isEqualTo("SUSPENDED");
        PageClient anonymous = new PageClient(port);
        var suspended = anonymous.get("/" + TENANT + "/termin");
        assertThat(suspended.statusCode()).isEqualTo(503);
        assertThat(suspended.body()).contains("Vorübergehend nicht verfügbar");
        open("/" + TENANT + "/kontakt", "nicht verfügbar");
        Axe.assertAccessible(browser, "suspended tenant page");
        assertThat(anonymous.get("/leer/termin").statusCode()).isEqualTo(200);

        open("/betrieb", "Mandantenliste");
        press("#mandant-" + TENANT + " form");
        assertThat(statusOf(TENANT)).isEqualTo("ACTIVE");
        assertThat(anonymous.get("/" + TENANT + "/termin").statusCode()).isEqualTo(200);

        // Offboarding asks for the id; a wrong one changes nothing.
        browser.findElement(By.cssSelector("#mandant-" + TENANT + " a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("ausscheiden"));
        Axe.assertAccessible(browser, "offboarding confirmation");
        browser.findElement(By.id("confirm")).sendKeys("leer");
        submit("main form", "Fehler");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("stimmt nicht");
        Axe.assertAccessible(browser, "offboarding confirmation with error");
        open("/betrieb", "Mandantenliste");
        assertThat(statusOf(TENANT)).isEqualTo("ACTIVE");
        assertThat(statusOf("leer")).isEqualTo("ACTIVE");

        // Offboarding with the right id, in the console: the tenant's personal data becomes unreadable.
        String canary = "Canary" + UUID.randomUUID().toString().replace("-", "");
        Api api = new Api(port);
        var submitted = api.post("/api/v1/tenants/" + TENANT + "/contact-requests", null, "application/json",
                ContactFixtures.form("kontakt" + canary + "@example.org").put("message", canary).toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String requestId = submitted.json().get("id").asText();
        assertThat(payloads(requestId)).contains(canary);
        assertThat(runtime.resolve("kek").resolve(TENANT + ".json")).exists();

        browser.findElement(By.cssSelector("#mandant-" + TENANT + " a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("ausscheiden"));
        browser.findElement(By.id("confirm")).sendKeys(TENANT);
        submit("main form", "Mandantenliste");
        assertThat(statusOf(TENANT)).isEqualTo("OFFBOARDED");
        Axe.assertAccessible(browser, "operator tenant list after offboarding");

        assertThat(runtime.resolve("kek").resolve(TENANT + ".json")).doesNotExist();
        assertThat(payloads(requestId)).contains(Redaction.VALUE).doesNotContain(canary);
        assertThat(Forensics.inDump(Forensics.dump(dataSource), List.of(canary))).isEmpty();
        assertThat(new PageClient(port).get("/" + TENANT + "/kontakt").statusCode()).isEqualTo(410);
        assertThat(statusOf("leer")).isEqualTo("ACTIVE");
    }

    /** The events of an aggregate as the platform reads them (decrypted, or redacted once shredded). */
    private String payloads(String aggregateId) {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        return String.join("\n", eventStore.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload)
                .map(payload -> {
                    try {
                        return json.writeValueAsString(payload);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList());
    }

    @Test
    void staffOfATenantAreNoOperators() throws Exception {
        browser = Browser.start();
        open("/betrieb", "Anmeldung");
        browser.findElement(By.id("username")).sendKeys("heilbronn.verwaltung");
        browser.findElement(By.id("password")).sendKeys("dev-staff-2026");
        submit("main form", "Fehler");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("nicht richtig");
        assertThat(browser.getPageSource()).doesNotContain("Mandanten der Plattform");
    }
}
