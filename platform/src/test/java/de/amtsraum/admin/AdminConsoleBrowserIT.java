package de.amtsraum.admin;

import static de.amtsraum.readmodel.jooq.Tables.RETENTION_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.identity.Totp;
import de.amtsraum.notice.PrivacyNotices;
import de.amtsraum.notice.PublishedNotice;
import de.amtsraum.support.Api;
import de.amtsraum.support.Axe;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.Browser;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantOnboarding;
import de.amtsraum.tenancy.manifest.RetentionPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
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
 * The admin console in headless chromium: an admin changes a retention period and publishes (the
 * published notice and the retention engine both change); an admin adds a processor in a third
 * country without transfer basis (publishing refused in German, nothing changes); and axe-core
 * finds no WCAG 2.1 A/AA violation on any admin page, with and without errors shown.
 */
@PlatformTest
class AdminConsoleBrowserIT {

    private static final String CATEGORY = "booking-contact";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    TenantOnboarding onboarding;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    PrivacyNotices notices;
    @Autowired
    DSLContext db;

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String tenant) throws Exception {
        browser = Browser.start();
        clock.advance(Duration.ofSeconds(31));
        browser.get(url("/" + tenant + "/verwaltung"));
        browser.findElement(By.id("username")).sendKeys(tenant + ".verwaltung");
        browser.findElement(By.id("password")).sendKeys("dev-staff-2026");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        browser.findElement(By.id("code")).sendKeys(Totp.code("JBSWY3DPEHPK3PXP", clock.instant().getEpochSecond()));
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait(ExpectedConditions.titleContains("Verwaltung"));
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private void click(WebElement button) {
        String before = browser.getCurrentUrl() + browser.getPageSource().length();
        button.click();
        wait(driver -> !(driver.getCurrentUrl() + driver.getPageSource().length()).equals(before));
    }

    @Test
    void anAdminShortensARetentionPeriodAndPublishesNoticeAndEngineChangeTogether() throws Exception {
        String tenant = AdminFixtures.onboardCopyOf(onboarding, "leer");
        Api api = new Api(port);
        String service = "video-allgemeine-beratung";
        JsonNode slot = BookingFixtures.freeSlot(api, tenant, service, clock.instant(), 1);
        clock.advance(Duration.ofNanos(1_000_000_000L - clock.instant().getNano())); // a whole second: no rounding in SQL
        Instant collected = clock.instant();
        Api.Response held = BookingFixtures.book(api, tenant,
                BookingFixtures.leer(service, slot.get("start").asText(), "admin-retention@example.org"));
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        ZoneId zone = tenants.manifest(tenant).orElseThrow().timeZone();
        assertThat(deadline(tenant)).isEqualTo(collected.atZone(zone).plus(Period.ofDays(7)).toInstant());
        int before = notices.current(tenant).map(PublishedNotice::number).orElse(0);

        signIn(tenant);
        Axe.assertAccessible(browser, "admin overview");
        browser.get(url("/" + tenant + "/verwaltung/loeschfristen"));
        Axe.assertAccessible(browser, "retention section");
        WebElement period = browser.findElement(By.id(CATEGORY + "-0-after"));
        assertThat(period.getAttribute("value")).isEqualTo("P7D");
        period.clear();
        period.sendKeys("P2D");
        click(period.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")));
        assertThat(main()).contains("Im Entwurf gespeichert: Löschfrist der Kategorie", "von P7D auf P2D geändert",
                "2 Tage nach der Erhebung gelöscht");
        assertThat(tenants.manifest(tenant).orElseThrow().category(CATEGORY).orElseThrow().retention().getFirst().after())
                .as("nothing applies before publishing").isEqualTo(RetentionPeriod.parse("P7D"));

        browser.get(url("/" + tenant + "/verwaltung/veroeffentlichen"));
        Axe.assertAccessible(browser, "preview and publish");
        assertThat(main()).contains("Vorschau des Datenschutzhinweises", "2 Tage nach der Erhebung gelöscht")
                .doesNotContain("So kann der Entwurf nicht veröffentlicht werden");
        click(browser.findElement(By.cssSelector("form[action$='/verwaltung/veroeffentlichen'] button")));
        assertThat(main()).contains("Veröffentlicht: Datenschutzhinweis Version " + (before + 1),
                "Der Entwurf entspricht der veröffentlichten Konfiguration.");

        browser.get(url("/" + tenant + "/datenschutz"));
        assertThat(main()).contains("2 Tage nach der Erhebung gelöscht").doesNotContain("7 Tage nach der Erhebung gelöscht");
        assertThat(tenants.manifest(tenant).orElseThrow().category(CATEGORY).orElseThrow().retention().getFirst().after())
                .as("the rule the retention engine reads").isEqualTo(RetentionPeriod.parse("P2D"));
        assertThat(deadline(tenant)).as("the deadline of data of that category")
                .isEqualTo(collected.atZone(zone).plus(Period.ofDays(2)).toInstant());

        browser.get(url("/" + tenant + "/verwaltung/protokoll"));
        Axe.assertAccessible(browser, "audit log");
        List<String> rows = browser.findElements(By.cssSelector("tr.amtsraum-audit-entry")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains(tenant + ".verwaltung", "Version " + (before + 1) + " veröffentlicht");
        assertThat(rows.get(1)).contains(tenant + ".verwaltung", "von P7D auf P2D geändert");
    }

    @Test
    void aProcessorInAThirdCountryWithoutTransferBasisIsRefusedAndNothingChanges() throws Exception {
        String tenant = AdminFixtures.onboardCopyOf(onboarding, "leer");
        PublishedNotice current = notices.current(tenant).orElseThrow();
        signIn(tenant);

        browser.get(url("/" + tenant + "/verwaltung/auftragsverarbeiter"));
        Axe.assertAccessible(browser, "processors section");
        browser.findElement(By.id("name")).sendKeys("Cloudy Inc.");
        browser.findElement(By.id("country")).sendKeys("US");
        browser.findElement(By.id("purpose")).sendKeys("Versand von Terminbestätigungen");
        click(browser.findElement(By.cssSelector("form[action$='/verwaltung/auftragsverarbeiter'] button")));
        assertThat(main()).contains("Auftragsverarbeiter „Cloudy Inc.“ (US) hinzugefügt");

        browser.get(url("/" + tenant + "/verwaltung/veroeffentlichen"));
        assertThat(main()).contains("So kann der Entwurf nicht veröffentlicht werden", "Cloudy Inc.");
        Axe.assertAccessible(browser, "publish page with problems");
        click(browser.findElement(By.cssSelector("form[action$='/verwaltung/veroeffentlichen'] button")));
        assertThat(browser.getTitle()).startsWith("Fehler:");
        assertThat(main()).contains("Veröffentlichung abgelehnt, nichts wurde geändert",
                "Der Auftragsverarbeiter „Cloudy Inc.“ sitzt außerhalb der EU bzw. des EWR (Land US), aber es ist keine "
                        + "Grundlage für die Übermittlung angegeben.");

        assertThat(notices.current(tenant).orElseThrow().number()).isEqualTo(current.number());
        assertThat(tenants.manifest(tenant).orElseThrow().processors()).noneMatch(p -> p.name().equals("Cloudy Inc."));
        browser.get(url("/" + tenant + "/datenschutz"));
        assertThat(main()).doesNotContain("Cloudy Inc.");
        browser.get(url("/" + tenant + "/verwaltung"));
        assertThat(main()).contains("Der Entwurf enthält noch nicht veröffentlichte Änderungen.");
    }

    @Test
    void everyAdminPageHasNoAxeViolationsInGermanAndEnglishAndWithErrors() throws Exception {
        String tenant = AdminFixtures.onboardCopyOf(onboarding, "leer");
        signIn(tenant);
        for (String lang : List.of("de", "en")) {
            for (String path : List.of("", "/dienste", "/auftragsverarbeiter", "/loeschfristen", "/funktionen",
                    "/gestaltung", "/texte", "/personal", "/veroeffentlichen", "/protokoll", "/verzeichnis",
                    "/loeschfristen/neu", "/loeschfristen/booking-contact/bearbeiten")) {
                browser.get(url("/" + tenant + "/verwaltung" + path + "?lang=" + lang));
                Axe.assertAccessible(browser, path + " (" + lang + ")");
            }
        }
        browser.get(url("/" + tenant + "/verwaltung/dienste?lang=de"));
        browser.findElement(By.id("durationMinutes")).sendKeys("viel");
        click(browser.findElement(By.cssSelector("form[action$='/verwaltung/dienste'] button[type=submit]")));
        assertThat(main()).contains("Bitte prüfen Sie Ihre Angaben", "Die Dauer muss eine ganze Zahl");
        Axe.assertAccessible(browser, "services with errors");
        browser.get(url("/" + tenant + "/verwaltung/gestaltung"));
        WebElement colour = browser.findElement(By.id("primaryColor"));
        colour.clear();
        colour.sendKeys("#eeeeee");
        click(colour.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")));
        assertThat(main()).contains("Kontrast");
        Axe.assertAccessible(browser, "branding with errors");
        browser.get(url("/" + tenant + "/verwaltung/loeschfristen/neu?lang=de"));
        browser.findElement(By.id("id")).sendKeys("Falsch!");
        browser.findElement(By.id("covers-APPOINTMENT")).click();
        click(browser.findElement(By.cssSelector("form[action$='/loeschfristen/neu'] button[type=submit]")));
        assertThat(main()).contains("„Falsch!“ ist keine gültige Kennung.", "wird bereits von der Kategorie");
        browser.findElement(By.cssSelector("a[href='#covers-APPOINTMENT']")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("covers-APPOINTMENT");
        Axe.assertAccessible(browser, "new data category with errors");
        browser.get(url("/" + tenant + "/verwaltung/loeschfristen"));
        click(browser.findElement(By.cssSelector("form[action$='/loeschfristen/booking-contact/entfernen'] button")));
        assertThat(main()).contains("kann nicht entfernt werden");
        Axe.assertAccessible(browser, "retention with a refused removal");
    }

    /** The check itself can fail: a page with an unlabelled field and an image without text is reported. */
    @Test
    void axeReportsViolations() throws Exception {
        browser = Browser.start();
        browser.get("data:text/html,<!DOCTYPE html><html lang=de><head><title>t</title></head><body><main>"
                + "<input type=text><img src=x.png></main></body></html>");
        assertThat(Axe.check(browser)).extracting(Axe.Violation::id).contains("label", "image-alt");
    }

    private Instant deadline(String tenant) {
        List<OffsetDateTime> due = db.select(RETENTION_DEADLINE.DUE_AT).from(RETENTION_DEADLINE)
                .where(RETENTION_DEADLINE.TENANT_ID.eq(tenant), RETENTION_DEADLINE.CATEGORY_ID.eq(CATEGORY),
                        RETENTION_DEADLINE.DONE_AT.isNull())
                .fetch(RETENTION_DEADLINE.DUE_AT);
        assertThat(due).hasSize(1);
        return due.getFirst().toInstant();
    }
}
