package de.amtsraum.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.Browser;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.support.Smtp;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole booking flow in a real browser (headless chromium, JavaScript on, so the self-hosted
 * proof of work runs) with mail over real SMTP (GreenMail): choose service → day → slot → data →
 * mail link → confirm → .ics → manage link → cancel.
 */
@PlatformTest
class BookingBrowserIT {

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

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void clickAndWait(WebElement element, String titlePart) {
        element.click();
        waiting().until(ExpectedConditions.titleContains(titlePart));
    }

    private MimeMessage awaitMail(String email, String subjectStart) {
        return Smtp.await(SMTP, email, subjectStart);
    }

    @Test
    void citizenBooksConfirmsAndCancelsInARealBrowser() throws Exception {
        browser = Browser.start();
        String email = "chromium-" + UUID.randomUUID() + "@example.org";

        browser.get(url("/recklinghausen/termin"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        clickAndWait(browser.findElement(By.linkText("English")), "Book an appointment");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        clickAndWait(browser.findElement(By.linkText("Deutsch")), "Termin vereinbaren");

        clickAndWait(browser.findElements(By.cssSelector(".amtsraum-card a.kern-btn")).get(0), "Personalausweis");
        List<WebElement> days = browser.findElements(By.cssSelector(".amtsraum-calendar a"));
        if (days.isEmpty()) {
            clickAndWait(browser.findElement(By.partialLinkText("Nächster Monat")), "Personalausweis");
            days = browser.findElements(By.cssSelector(".amtsraum-calendar a"));
        }
        clickAndWait(days.getLast(), "Personalausweis");
        List<WebElement> slots = browser.findElements(By.cssSelector(".amtsraum-slots a"));
        assertThat(slots).isNotEmpty();
        clickAndWait(slots.getLast(), "Ihre Angaben");

        browser.findElement(By.id("name")).sendKeys("Erika Mustermann");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("phone")).sendKeys("02361 50-0");
        browser.findElement(By.id("consent")).click();
        // The self-hosted widget solves the proof of work on submit and then sends the form.
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")), "Bitte bestätigen");

        MimeMessage request = awaitMail(email, "Bitte bestätigen");
        String confirmToken = BookingFixtures.parameter(BookingFixtures.text(request), "token").orElseThrow();
        browser.get(url("/recklinghausen/termin/bestaetigen?token=" + confirmToken));
        assertThat(browser.getTitle()).contains("Termin bestätigen");
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")), "Ihr Termin ist bestätigt");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Personalausweis beantragen",
                "aktuelles biometrisches Passfoto");

        MimeMessage confirmation = awaitMail(email, "Terminbestätigung");
        String ics = BookingFixtures.attachment(confirmation, "termin.ics").orElseThrow();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(event.<Property>getProperty(Property.SUMMARY).orElseThrow().getValue())
                .contains("Personalausweis beantragen");
        assertThat(event.<Property>getProperty(Property.LOCATION).orElseThrow().getValue())
                .contains("Rathausplatz 3/4");
        assertThat(ics).doesNotContain(email).doesNotContain("Erika");

        String manageToken = BookingFixtures.parameter(BookingFixtures.text(confirmation), "token").orElseThrow();
        browser.get(url("/recklinghausen/termin/verwalten?token=" + manageToken));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("bestätigt");
        clickAndWait(browser.findElement(By.xpath("//button[.//span[text()='Termin absagen']]")), "Ihr Termin ist abgesagt");
        assertThat(awaitMail(email, "Ihr Termin ist abgesagt")).isNotNull();
    }
}
