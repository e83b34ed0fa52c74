package de.amtsraum.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.Browser;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.support.Smtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The citizen account in a real browser (headless chromium) with mail over real SMTP (GreenMail):
 * register → verification mail → confirm → log in → log out → forgotten password → reset mail →
 * new password → log in with it.
 */
@PlatformTest
class AccountBrowserIT {

    static final GreenMail SMTP = Smtp.server();

    @DynamicPropertySource
    static void smtpSettings(DynamicPropertyRegistry registry) {
        Smtp.startFor(SMTP, registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

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

    private MimeMessage awaitMail(String email, String subjectStart) {
        return Smtp.await(SMTP, email, subjectStart);
    }

    private void login(String username, String password, String expectedTitle) {
        browser.get(url("/coburg/konto/anmelden"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        submitAndWait(expectedTitle);
    }

    @Test
    void registerVerifyLoginResetAndLoginAgain() throws Exception {
        browser = Browser.start();
        String username = "kirsche-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.org";
        String password = "Drei Kirschen unterm Schnee";
        String fresh = "Vier Pflaumen auf dem Dach";

        browser.get(url("/coburg/konto/registrieren"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("passwordRepeat")).sendKeys(password);
        browser.findElement(By.id("consent")).click();
        submitAndWait("Bitte bestätigen Sie Ihre E-Mail-Adresse");

        String verifyToken = BookingFixtures.parameter(BookingFixtures.text(
                awaitMail(email, "Bitte bestätigen Sie Ihre E-Mail-Adresse")), "token").orElseThrow();
        browser.get(url("/coburg/konto/bestaetigen?token=" + verifyToken));
        submitAndWait("Anmelden");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Ihre E-Mail-Adresse ist bestätigt");

        login(username, password, "Ihr Konto");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(username, email);
        assertThat(browser.manage().getCookies()).extracting(c -> c.getName()).containsExactly("amtsraum_session");
        submitAndWait("Anmelden");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Sie sind abgemeldet.");

        browser.findElement(By.linkText("Passwort vergessen?")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("Passwort vergessen"));
        browser.findElement(By.id("email")).sendKeys(email);
        submitAndWait("Bitte sehen Sie in Ihr Postfach");
        String resetToken = BookingFixtures.parameter(BookingFixtures.text(
                awaitMail(email, "Neues Passwort")), "token").orElseThrow();
        browser.get(url("/coburg/konto/passwort-neu?token=" + resetToken));
        browser.findElement(By.id("password")).sendKeys(fresh);
        browser.findElement(By.id("passwordRepeat")).sendKeys(fresh);
        submitAndWait("Anmelden");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Ihr neues Passwort ist gespeichert.");

        login(username, password, "Fehler: Anmelden");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Benutzername oder Passwort ist falsch.");
        login(username, fresh, "Ihr Konto");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(username);
    }
}
