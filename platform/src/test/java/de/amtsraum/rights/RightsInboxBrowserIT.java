package de.amtsraum.rights;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.identity.Totp;
import de.amtsraum.support.Api;
import de.amtsraum.support.Axe;
import de.amtsraum.support.Browser;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff inbox in a real browser: WCAG 2.1 AA (axe) on the list, a request, and a refusal. */
@PlatformTest
class RightsInboxBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

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

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    @Test
    void theInboxPagesAreAccessibleAndMarkOverdueRequests() throws Exception {
        Api api = new Api(port);
        LocalDate received = LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))).minusDays(40);
        String name = "Ältere Anfrage-" + UUID.randomUUID();
        var opened = api.post("/api/v1/tenants/helbra/rights-requests", api.token("helbra-dev", "dev"),
                "application/json", """
                        {"type":"RECTIFICATION","channel":"PHONE","receivedOn":"%s","requesterName":"%s",
                         "subjectId":"subject-%s"}""".formatted(received, name, UUID.randomUUID()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().get("id").asText();

        browser = Browser.start();
        clock.advance(Duration.ofSeconds(31));
        browser.get(url("/helbra/mitarbeiter/anfragen"));
        browser.findElement(By.id("username")).sendKeys("helbra.sachbearbeitung");
        browser.findElement(By.id("password")).sendKeys("dev-staff-2026");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        browser.findElement(By.id("code")).sendKeys(Totp.code("JBSWY3DPEHPK3PXP", clock.instant().getEpochSecond()));
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait(ExpectedConditions.titleContains("Anfragen zu Betroffenenrechten"));

        Axe.assertAccessible(browser, "rights inbox");
        browser.findElement(By.cssSelector("main a[href$='/anfragen/" + id + "']")).click();
        wait(ExpectedConditions.titleContains("Anfrage"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(name).contains("überfällig")
                .contains("Berichtigung");
        Axe.assertAccessible(browser, "rights request");

        browser.findElement(By.cssSelector("form[action$='/abschluss'] button[type=submit]")).click();
        wait(ExpectedConditions.titleContains("Fehler"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Identität");
        Axe.assertAccessible(browser, "rights request refused");

        browser.findElement(By.id("reference")).sendKeys("Az. 123/26");
        browser.findElement(By.cssSelector("form[action$='/sperre'] button[type=submit]")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Sperre besteht"));
        browser.findElement(By.cssSelector("form[action$='/sperre'] button[value=lift]")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("reference")));
    }
}
