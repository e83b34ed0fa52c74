package de.amtsraum.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.Browser;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff sign in to their tenant's staff pages with OpenID Connect at the embedded issuer of that
 * tenant, password and TOTP, in a real browser; then they work with an appointment.
 */
@PlatformTest
class StaffLoginBrowserIT {

    static final String PASSWORD = "dev-staff-2026";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    RuntimeProperties runtime;

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

    private void submitAndWait(String titlePart) {
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains(titlePart));
    }

    private String code() {
        return Totp.code(TOTP_SECRET, clock.instant().getEpochSecond());
    }

    /** A confirmed Heilbronn appointment; returns its start. */
    private OffsetDateTime confirmedAppointment(String email) {
        Api api = new Api(port);
        JsonNode slot = BookingFixtures.freeSlot(api, "heilbronn", "video-baurecht", clock.instant(), 1);
        var held = BookingFixtures.book(api, "heilbronn", BookingFixtures.heilbronn("video-baurecht",
                slot.get("start").asText(), email));
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        var mail = BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, "Bitte bestätigen").orElseThrow();
        String token = BookingFixtures.parameter(BookingFixtures.text(mail), "token").orElseThrow();
        assertThat(api.post("/api/v1/tenants/heilbronn/appointment-confirmations", null, "application/json",
                BookingFixtures.token(token)).status()).isEqualTo(200);
        return OffsetDateTime.parse(slot.get("start").asText());
    }

    @Test
    void staffSignInWithPasswordAndTotpAndRecordAnOutcome() throws Exception {
        String email = "staff-view-" + UUID.randomUUID() + "@example.org";
        OffsetDateTime start = confirmedAppointment(email);
        String day = start.atZoneSameInstant(BookingFixtures.BERLIN).toLocalDate().toString();

        browser = Browser.start();
        browser.get(url("/heilbronn/mitarbeiter/termine?datum=" + day));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("Anmeldung"));
        assertThat(browser.getCurrentUrl()).contains("/idp/login");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Landratsamt Heilbronn");

        browser.findElement(By.id("username")).sendKeys("heilbronn.sachbearbeitung");
        browser.findElement(By.id("password")).sendKeys("falsch");
        submitAndWait("Fehler");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("nicht richtig");

        browser.findElement(By.id("username")).sendKeys("heilbronn.sachbearbeitung");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        submitAndWait("Bestätigungscode");
        browser.findElement(By.id("code")).sendKeys("000000".equals(code()) ? "111111" : "000000");
        submitAndWait("Fehler");
        browser.findElement(By.id("code")).sendKeys(code());
        submitAndWait("Termine am");

        assertThat(browser.getCurrentUrl()).contains("/heilbronn/mitarbeiter/termine");
        String list = browser.findElement(By.tagName("main")).getText();
        assertThat(list).contains("Videoberatung Baurechtsamt", "Erika Mustermann");
        browser.findElements(By.cssSelector("main table a")).stream()
                .filter(link -> link.getText().startsWith(start.atZoneSameInstant(BookingFixtures.BERLIN)
                        .toLocalTime().toString().substring(0, 5)))
                .findFirst().orElseThrow().click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("Termin –"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Verlängerung meines Aufenthaltstitels");
        browser.findElement(By.cssSelector("button[value=DONE]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Als wahrgenommen vermerkt."));

        browser.get(url("/leer/mitarbeiter/termine"));
        assertThat(browser.getPageSource()).doesNotContain("Termine am").doesNotContain("Erika");
    }

    @Test
    void staffOfAnotherTenantCannotSignInHere() throws Exception {
        browser = Browser.start();
        browser.get(url("/heilbronn/mitarbeiter"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("Anmeldung"));
        browser.findElement(By.id("username")).sendKeys("leer.sachbearbeitung");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        submitAndWait("Fehler");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("nicht richtig");
    }

    @Test
    void anonymousCallersAreSentToTheirTenantsIssuer() {
        PageClient client = new PageClient(port);
        HttpResponse<String> page = client.get("/recklinghausen/mitarbeiter/termine");
        assertThat(page.uri().getPath()).isEqualTo("/idp/login");
        assertThat(page.body()).contains("Stadt Recklinghausen").doesNotContain("Termine am");
        HttpResponse<String> direct = client.get("/idp/login");
        assertThat(direct.statusCode()).isEqualTo(200);
        HttpResponse<String> noFlow = new PageClient(port).post("/idp/login", PageClient.csrf(direct.body()),
                java.util.Map.of("username", "recklinghausen.sachbearbeitung", "password", PASSWORD));
        assertThat(noFlow.statusCode()).isIn(401, 403);
    }
}
