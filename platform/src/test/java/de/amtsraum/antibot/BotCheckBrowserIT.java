package de.amtsraum.antibot;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.Browser;
import de.amtsraum.support.PlatformTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real ALTCHA widget (npm altcha 3.2.2, served by the platform) solves the server's challenge in
 * headless chromium under the platform's CSP; the server accepts the posted payload. Without
 * JavaScript the question in noscript does the same.
 */
@PlatformTest
class BotCheckBrowserIT {

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
    void theWidgetSolvesTheChallengeAndTheServerAcceptsIt() throws Exception {
        browser = Browser.start();
        browser.get("http://localhost:" + port + "/test/antibot/helbra");
        assertThat(browser.getTitle()).isEqualTo("Prüfung");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.findElements(
                By.cssSelector("altcha-widget input[type=checkbox]")).size() == 1);
        assertThat(browser.findElement(By.tagName("altcha-widget")).getText()).contains("Ich bin kein Roboter");
        screenshot("bot-check-widget.png");

        browser.findElement(By.id("text")).sendKeys("Hallo");
        long started = System.nanoTime();
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // The widget solves on submit, then submits the form itself with the payload in "altcha".
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.titleIs("Prüfung bestanden"));
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(browser.findElement(By.id("how")).getText()).isEqualTo("widget");
        assertThat(tookMillis).as("solving took %d ms", tookMillis).isLessThan(30_000);
        System.out.printf("Bot check in headless chromium: submit to accepted page in %d ms%n", tookMillis);
    }

    @Test
    void theWidgetLoadsNothingFromOtherOriginsAndBreaksNoCspRule() throws Exception {
        browser = Browser.start();
        browser.get("http://localhost:" + port + "/test/antibot/helbra");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.findElements(
                By.cssSelector("altcha-widget input[type=checkbox]")).size() == 1);
        browser.findElement(By.cssSelector("altcha-widget label")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> driver.findElements(
                By.cssSelector("altcha-widget input[type=hidden][name=altcha]")).stream()
                .anyMatch(input -> input.getDomProperty("value") != null && !input.getDomProperty("value").isEmpty()));
        assertThat(browser.findElement(By.tagName("altcha-widget")).getText()).contains("Bestätigt");

        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) browser.executeScript("return window.cspViolations;");
        assertThat(violations).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + port + "/"));
        assertThat(browser.findElement(By.cssSelector("noscript")).getDomProperty("textContent"))
                .contains("pruefantwort");
    }

    @Test
    void withoutJavaScriptTheQuestionIsAskedAndTheRightAnswerIsAccepted() throws Exception {
        browser = Browser.start(false);
        String page = "http://localhost:" + port + "/test/antibot/helbra";
        browser.get(page);
        assertThat(browser.findElement(By.cssSelector("label[for=pruefantwort]")).getText()).startsWith("Sicherheitsfrage:");

        browser.findElement(By.id("pruefantwort")).sendKeys("1000");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleIs("Prüfung fehlgeschlagen"));
        assertThat(browser.findElement(By.id("bot-check-error")).getText())
                .isEqualTo("Die Prüfung war nicht erfolgreich. Bitte versuchen Sie es erneut.");
        assertThat(browser.findElement(By.id("pruefantwort")).getDomAttribute("aria-invalid")).isEqualTo("true");

        String question = browser.findElement(By.cssSelector("label[for=pruefantwort]")).getText();
        Matcher sum = Pattern.compile("Wie viel ist (\\d+) plus (\\d+)\\?").matcher(question);
        assertThat(sum.find()).as(question).isTrue();
        browser.findElement(By.id("pruefantwort"))
                .sendKeys(String.valueOf(Integer.parseInt(sum.group(1)) + Integer.parseInt(sum.group(2))));
        screenshot("bot-check-question.png");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleIs("Prüfung bestanden"));
        assertThat(browser.findElement(By.id("how")).getText()).isEqualTo("question");
    }

    private void screenshot(String name) throws Exception {
        Path file = Path.of("target", "screenshots", name);
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
