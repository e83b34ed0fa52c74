package de.amtsraum.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.Browser;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages under their real CSP in chromium: the booking form with the self-hosted bot-check widget
 * (module script, its stylesheet, a worker from this origin), the contact form and the privacy notice
 * load without a single CSP violation or failed resource in the console.
 */
@PlatformTest
class ContentSecurityPolicyBrowserIT {

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

    @Test
    void pagesRunUnderTheirPolicyWithoutViolations() throws Exception {
        browser = Browser.start();
        Api api = new Api(port);
        JsonNode slot = BookingFixtures.slots(api, "recklinghausen", "personalausweis-beantragen", clock.instant(), 40)
                .getFirst();
        String start = OffsetDateTime.parse(slot.get("start").asText()).atZoneSameInstant(BookingFixtures.BERLIN)
                .toLocalDateTime().toString();
        List<String> problems = new ArrayList<>();

        browser.get("http://localhost:" + port + "/recklinghausen/termin/personalausweis-beantragen/buchen?start=" + start);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return !!customElements.get('altcha-widget') && !!document.querySelector('altcha-widget input')")));
        // Start the proof of work (the widget's checkbox): it runs in a worker loaded from this origin.
        ((JavascriptExecutor) browser).executeScript("document.querySelector('altcha-widget input[type=checkbox]').click()");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return document.querySelector('input[name=altcha]') !== null "
                        + "&& document.querySelector('input[name=altcha]').value !== ''")));
        problems.addAll(consoleProblems("booking form"));

        for (String path : List.of("/helbra/kontakt", "/helbra/datenschutz", "/recklinghausen/termin")) {
            browser.get("http://localhost:" + port + path);
            problems.addAll(consoleProblems(path));
        }
        assertThat(problems).as("console errors and CSP violations").isEmpty();
    }

    private List<String> consoleProblems(String page) {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()
                    || message.contains("Content Security Policy")) {
                problems.add(page + ": " + message);
            }
        }
        return problems;
    }
}
