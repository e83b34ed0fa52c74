package de.amtsraum.contact;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.Browser;
import de.amtsraum.support.PlatformTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The contact form in a real browser (headless chromium), the way a citizen fills it in. */
@PlatformTest
class ContactFormBrowserIT {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void citizenCorrectsTheMarkedFieldsAndSendsTheRequest() throws Exception {
        browser = Browser.start();
        browser.get("http://localhost:" + port + "/helbra/kontakt");
        assertThat(browser.getTitle()).contains("Kontakt");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");

        browser.findElement(By.id("firstName")).sendKeys("Max");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // Wait for the answer page, so that the next fields are those of the new document.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("Fehler:"));

        assertThat(browser.getTitle()).startsWith("Fehler:");
        WebElement summary = browser.findElement(By.cssSelector("[role=alert]"));
        assertThat(summary.getText()).contains("Bitte geben Sie Ihren Nachnamen an.");
        assertThat(browser.findElement(By.id("lastName")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Max");

        browser.findElement(By.id("lastName")).sendKeys("Muster");
        browser.findElement(By.id("email")).sendKeys("browser-" + UUID.randomUUID() + "@example.org");
        browser.findElement(By.id("message")).sendKeys("Wann ist das Bürgerbüro geöffnet?");
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(
                ExpectedConditions.titleContains("Fehler:")));

        assertThat(browser.getCurrentUrl()).as(() -> "page after sending: " + browser.findElement(By.tagName("main"))
                .getText()).endsWith("/helbra/kontakt/gesendet");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ihre Anfrage ist eingegangen");
        assertThat(browser.manage().getCookies()).extracting(cookie -> cookie.getName()).containsOnly("amtsraum_session");
        Path screenshot = Path.of("target", "screenshots", "contact-sent.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
