package de.amtsraum.admin;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.support.StaffPages;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantOnboarding;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin console without JavaScript (plain forms with CSRF), German and English: sign-in of a
 * tenant admin, section forms with error summaries for bad input, the draft and its audit log, and
 * who is refused (plain staff, another tenant's admin).
 */
@PlatformTest
class AdminConsoleIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    TenantOnboarding onboarding;
    @Autowired
    TenantDirectory tenants;

    private PageClient admin(String tenant, String path) {
        clock.advance(Duration.ofSeconds(31)); // a fresh TOTP window per sign-in
        PageClient browser = new PageClient(port);
        assertThat(StaffPages.signedInAs(browser, tenant + ".verwaltung", path, clock).statusCode()).isEqualTo(200);
        return browser;
    }

    private static HttpResponse<String> submit(PageClient browser, HttpResponse<String> page, String actionEnd,
                                               Map<String, String> fields) {
        String action = StaffPages.formAction(page.body(), actionEnd);
        return browser.post(action, StaffPages.csrfOf(page.body(), action), fields);
    }

    @Test
    void anAdminEditsTheDraftInGermanWithErrorSummariesAndTheAuditLogShowsEveryChange() {
        String tenant = AdminFixtures.onboardCopyOf(onboarding, "leer");
        String base = "/" + tenant + "/verwaltung";
        PageClient browser = admin(tenant, base);
        HttpResponse<String> start = browser.get(base);
        assertThat(start.body()).contains("<h1 class=\"kern-heading-large\">Verwaltung</h1>",
                "Angemeldet als " + tenant + ".verwaltung.", "Der Entwurf entspricht der veröffentlichten Konfiguration.",
                "aria-current=\"page\"").doesNotContain("Entwurf verwerfen");

        // Services: a bad duration, no channel → error summary, nothing stored.
        HttpResponse<String> services = browser.get(base + "/dienste");
        assertThat(services.statusCode()).isEqualTo(200);
        HttpResponse<String> bad = submit(browser, services, "/verwaltung/dienste", Map.of("name", "Wohngeld",
                "description", "Antrag auf Wohngeld", "durationMinutes", "zehn"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("<title>Fehler: Dienstleistungen und Standorte", "Bitte prüfen Sie Ihre Angaben",
                "href=\"#durationMinutes\"", "Die Dauer muss eine ganze Zahl von 5 bis 480 Minuten sein.",
                "href=\"#channel\"", "aria-describedby=\"durationMinutes-error\"", "value=\"Wohngeld\"");
        assertThat(browser.get(base).body()).contains("Der Entwurf entspricht der veröffentlichten Konfiguration.");

        String location = tenants.manifest(tenant).orElseThrow().locations().getFirst().id();
        HttpResponse<String> added = submit(browser, bad, "/verwaltung/dienste", Map.of("name", "Wohngeld beantragen",
                "description", "Antrag auf Wohngeld", "durationMinutes", "25", "channel", "ON_SITE",
                "location", location, "documents", "Personalausweis\nMietvertrag"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("Im Entwurf gespeichert: Dienstleistung „Wohngeld beantragen“ hinzugefügt",
                "Der Entwurf enthält noch nicht veröffentlichte Änderungen.", "25 Minuten");
        assertThat(tenants.manifest(tenant).orElseThrow().services())
                .as("the published configuration is untouched").noneMatch(s -> s.name().equals("Wohngeld beantragen"));

        // Opening hours: end before start.
        HttpResponse<String> hours = submit(browser, added, "/standorte/" + location + "/zeiten",
                Map.of("days", "MONDAY", "from", "12:00", "to", "08:00", "capacity", "2"));
        assertThat(hours.statusCode()).isEqualTo(422);
        assertThat(hours.body()).contains("Die Endzeit muss nach der Anfangszeit liegen.", "href=\"#" + location + "-to\"");

        // Processors: unknown country, malformed date.
        HttpResponse<String> processors = browser.get(base + "/auftragsverarbeiter");
        HttpResponse<String> badProcessor = submit(browser, processors, "/verwaltung/auftragsverarbeiter",
                Map.of("name", "Wolke GmbH", "country", "XY", "purpose", "Hosting", "contractDate", "1.3.2026"));
        assertThat(badProcessor.statusCode()).isEqualTo(422);
        assertThat(badProcessor.body()).contains("„XY“ ist kein bekannter Ländercode.",
                "Bitte geben Sie das Datum als JJJJ-MM-TT an", "value=\"Wolke GmbH\"");
        HttpResponse<String> processor = submit(browser, badProcessor, "/verwaltung/auftragsverarbeiter",
                Map.of("name", "Wolke GmbH", "street", "Hafenstraße 1", "postalCode", "26789", "city", "Leer",
                        "country", "de", "purpose", "Hosting", "contractDate", "2026-03-01"));
        assertThat(processor.statusCode()).isEqualTo(200);
        assertThat(processor.body()).contains("Auftragsverarbeiter „Wolke GmbH“ (DE) hinzugefügt", "2026-03-01");

        // Branding: malformed colour, then a colour too light for white text.
        HttpResponse<String> branding = browser.get(base + "/gestaltung");
        HttpResponse<String> badColour = submit(browser, branding, "/verwaltung/gestaltung", Map.of("primaryColor", "grün"));
        assertThat(badColour.statusCode()).isEqualTo(422);
        assertThat(badColour.body()).contains("Bitte geben Sie die Farbe als #RRGGBB an");
        HttpResponse<String> light = submit(browser, badColour, "/verwaltung/gestaltung", Map.of("primaryColor", "#ffff00"));
        assertThat(light.statusCode()).isEqualTo(422);
        assertThat(light.body()).contains("nur einen Kontrast von 1,1:1");

        // Retention: a period that is no ISO-8601 duration, then a valid one shown in words.
        HttpResponse<String> retention = browser.get(base + "/loeschfristen");
        String category = firstMatch(retention.body(), "/verwaltung/loeschfristen/([a-z0-9-]+)/0\"");
        HttpResponse<String> badPeriod = submit(browser, retention, "/loeschfristen/" + category + "/0",
                Map.of("trigger", "COLLECTED", "after", "7 Tage", "action", "SHRED"));
        assertThat(badPeriod.statusCode()).isEqualTo(422);
        assertThat(badPeriod.body()).contains("„7 Tage“ ist keine gültige Frist.", "href=\"#" + category + "-0-after\"");
        HttpResponse<String> period = submit(browser, badPeriod, "/loeschfristen/" + category + "/0",
                Map.of("trigger", "COLLECTED", "after", "P3M", "action", "SHRED"));
        assertThat(period.statusCode()).isEqualTo(200);
        assertThat(period.body()).contains("3 Monate nach der Erhebung gelöscht");

        // Audit log: newest first, who and what, no form values beyond the configuration.
        HttpResponse<String> audit = browser.get(base + "/protokoll");
        assertThat(audit.statusCode()).isEqualTo(200);
        String body = audit.body();
        int retentionAt = body.indexOf("Löschfrist der Kategorie");
        int processorAt = body.indexOf("Auftragsverarbeiter „Wolke GmbH“ (DE) hinzugefügt");
        int serviceAt = body.indexOf("Dienstleistung „Wohngeld beantragen“ hinzugefügt");
        assertThat(retentionAt).isPositive().isLessThan(processorAt);
        assertThat(processorAt).isLessThan(serviceAt);
        assertThat(body).contains(tenant + ".verwaltung").doesNotContain("grün", "#ffff00", "7 Tage");

        // Discard: the draft is the published configuration again, recorded too.
        HttpResponse<String> discarded = submit(browser, browser.get(base), "/verwaltung/verwerfen", Map.of());
        assertThat(discarded.body()).contains("Der Entwurf entspricht wieder der veröffentlichten Konfiguration.");
        assertThat(browser.get(base + "/dienste").body()).doesNotContain("Wohngeld beantragen");
        assertThat(browser.get(base + "/protokoll").body()).contains("Entwurf verworfen");
    }

    @Test
    void anAdminEditsAddsAndRemovesDataCategoriesAndAPublishedNameShowsOnTheNotice() {
        String tenant = AdminFixtures.onboardCopyOf(onboarding, "leer");
        String base = "/" + tenant + "/verwaltung";
        PageClient browser = admin(tenant, base);
        HttpResponse<String> retention = browser.get(base + "/loeschfristen");
        assertThat(retention.body()).contains("Neue Datenkategorie anlegen",
                "Datenkategorie „Name und E-Mail-Adresse aus der Terminvereinbarung“ bearbeiten");

        // Edit the texts: the form shows the category; an empty name and a kind another category covers are refused.
        HttpResponse<String> edit = browser.get(base + "/loeschfristen/booking-contact/bearbeiten");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"Name und E-Mail-Adresse aus der Terminvereinbarung\"",
                "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)", "id=\"covers-APPOINTMENT\"");
        Map<String, String> texts = new java.util.HashMap<>(Map.of("name", " ", "description", "Name und E-Mail",
                "legalBasis", "Art. 6 Abs. 1 lit. a DSGVO", "purposes", "Terminvereinbarung\nRückfragen",
                "recipients", "Beratende Mitarbeitende", "personal", "true", "covers", "ABUSE_EVIDENCE"));
        HttpResponse<String> badEdit = submit(browser, edit, "/booking-contact/bearbeiten", texts);
        assertThat(badEdit.statusCode()).isEqualTo(422);
        assertThat(badEdit.body()).contains("<title>Fehler: Datenkategorie", "Bitte füllen Sie „Name“ aus.",
                "href=\"#name\"", "href=\"#covers-ABUSE_EVIDENCE\"",
                "„Nachweise zu Missbrauch“ wird bereits von der Kategorie „Nachweise bei Missbrauch“ erfasst.",
                "Terminvereinbarung\nRückfragen");
        texts.put("name", "Terminangaben");
        texts.put("covers", "APPOINTMENT");
        HttpResponse<String> edited = submit(browser, badEdit, "/booking-contact/bearbeiten", texts);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("Datenkategorie „Name und E-Mail-Adresse aus der Terminvereinbarung“ "
                + "bearbeitet (neuer Name „Terminangaben“)", "<h2 class=\"kern-heading-medium\">Terminangaben</h2>");
        HttpResponse<String> again = browser.get(base + "/loeschfristen/booking-contact/bearbeiten");
        assertThat(again.body()).contains("Terminvereinbarung\nRückfragen", "value=\"APPOINTMENT\" checked=\"checked\"");

        // Add a category: a bad id and a bad period, then a taken id, then a good one.
        HttpResponse<String> blank = browser.get(base + "/loeschfristen/neu");
        Map<String, String> fresh = new java.util.HashMap<>(Map.of("id", "Wohngeld!", "name", "Wohngeldanträge",
                "description", "Angaben im Antrag auf Wohngeld", "legalBasis", "Art. 6 Abs. 1 lit. e DSGVO",
                "purposes", "Bearbeitung des Antrags", "personal", "true", "trigger", "CASE_ARCHIVED",
                "after", "ein Jahr", "action", "SHRED"));
        HttpResponse<String> badNew = submit(browser, blank, "/loeschfristen/neu", fresh);
        assertThat(badNew.statusCode()).isEqualTo(422);
        assertThat(badNew.body()).contains("„Wohngeld!“ ist keine gültige Kennung.", "href=\"#id\"",
                "„ein Jahr“ ist keine gültige Frist.", "href=\"#after\"", "value=\"Wohngeldanträge\"");
        fresh.put("id", "log-data");
        fresh.put("after", "P1Y");
        HttpResponse<String> taken = submit(browser, badNew, "/loeschfristen/neu", fresh);
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("Die Kennung „log-data“ ist bereits vergeben.")
                .doesNotContain("ist keine gültige Frist");
        fresh.put("id", "wohngeld-antraege");
        HttpResponse<String> added = submit(browser, taken, "/loeschfristen/neu", fresh);
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("Datenkategorie „Wohngeldanträge“ (wohngeld-antraege) mit Löschfrist P1Y "
                + "hinzugefügt", "/loeschfristen/wohngeld-antraege/bearbeiten");

        // Remove: the booking category holds what the enabled booking needs; the new one goes.
        HttpResponse<String> needed = submit(browser, added, "/loeschfristen/booking-contact/entfernen", Map.of());
        assertThat(needed.statusCode()).isEqualTo(422);
        assertThat(needed.body()).contains("href=\"#remove-booking-contact\"", "Die Kategorie „Terminangaben“ kann "
                + "nicht entfernt werden: Sie erfasst „Termine“, die das eingeschaltete Angebot „Terminbuchung“ verarbeitet.");
        HttpResponse<String> removed = submit(browser, needed, "/loeschfristen/wohngeld-antraege/entfernen", Map.of());
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).contains("Datenkategorie „Wohngeldanträge“ (wohngeld-antraege) entfernt")
                .doesNotContain("/loeschfristen/wohngeld-antraege/bearbeiten");

        // Removing the only rule of a personal category: saved in the draft, refused at publishing.
        HttpResponse<String> noRule = submit(browser, removed, "/loeschfristen/log-data/0/entfernen", Map.of());
        assertThat(noRule.body()).contains("Löschregel „P14D nach COLLECTED“ der Kategorie „Logdaten“ entfernt",
                "Diese Kategorie hat keine Löschregel.");
        HttpResponse<String> refused = submit(browser, browser.get(base + "/veroeffentlichen"), "/veroeffentlichen", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Die Datenkategorie „Logdaten“ enthält personenbezogene Daten, hat aber "
                + "keine Löschregel.");

        // The audit log names every change, newest first.
        String audit = browser.get(base + "/protokoll").body();
        int ruleAt = audit.indexOf("Löschregel „P14D nach COLLECTED“ der Kategorie „Logdaten“ entfernt");
        int removedAt = audit.indexOf("Datenkategorie „Wohngeldanträge“ (wohngeld-antraege) entfernt");
        int addedAt = audit.indexOf("Datenkategorie „Wohngeldanträge“ (wohngeld-antraege) mit Löschfrist P1Y hinzugefügt");
        int editedAt = audit.indexOf("(neuer Name „Terminangaben“)");
        assertThat(ruleAt).isPositive().isLessThan(removedAt);
        assertThat(removedAt).isLessThan(addedAt);
        assertThat(addedAt).isLessThan(editedAt);
        assertThat(audit).doesNotContain("Wohngeld!", "ein Jahr");

        // Start over from the published configuration, rename, publish via the page: the notice shows the name.
        HttpResponse<String> discarded = submit(browser, browser.get(base), "/verwaltung/verwerfen", Map.of());
        assertThat(discarded.statusCode()).isEqualTo(200);
        HttpResponse<String> form = browser.get(base + "/loeschfristen/booking-contact/bearbeiten");
        texts.put("name", "Ihre Angaben zur Terminvereinbarung");
        assertThat(submit(browser, form, "/booking-contact/bearbeiten", texts).statusCode()).isEqualTo(200);
        HttpResponse<String> published = submit(browser, browser.get(base + "/veroeffentlichen"), "/veroeffentlichen", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).contains("Veröffentlicht: Datenschutzhinweis Version");
        assertThat(new PageClient(port).get("/" + tenant + "/datenschutz").body())
                .contains("Ihre Angaben zur Terminvereinbarung")
                .doesNotContain("Name und E-Mail-Adresse aus der Terminvereinbarung");
    }

    @Test
    void theCategoryFormsSpeakEnglish() {
        String tenant = AdminFixtures.onboardCopyOf(onboarding, "leer");
        String base = "/" + tenant + "/verwaltung";
        PageClient browser = admin(tenant, base);
        HttpResponse<String> blank = browser.get(base + "/loeschfristen/neu?lang=en");
        assertThat(blank.body()).contains("Add a data category", "Kinds of platform data covered", "Appointments");
        HttpResponse<String> bad = submit(browser, blank, "/loeschfristen/neu", Map.of("id", "booking-contact",
                "name", "", "trigger", "COLLECTED", "after", "P7X", "action", "SHRED", "personal", "false",
                "covers", "APPOINTMENT"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("The identifier “booking-contact” is already taken.", "Please fill in “Name”.",
                "“P7X” is not a valid period", "A category that covers kinds of platform data holds personal data.",
                "“Appointments” is already covered by the category “Name und E-Mail-Adresse aus der Terminvereinbarung”.");
    }

    @Test
    void theConsoleSpeaksEnglishWithEnglishErrors() {
        String tenant = AdminFixtures.onboardCopyOf(onboarding, "leer");
        String base = "/" + tenant + "/verwaltung";
        PageClient browser = admin(tenant, base);
        HttpResponse<String> services = browser.get(base + "/dienste?lang=en");
        assertThat(services.body()).contains("<html lang=\"en\"", "Services and locations", "Add a service");
        HttpResponse<String> bad = submit(browser, services, "/verwaltung/dienste", Map.of("name", "Housing benefit",
                "description", "Apply", "durationMinutes", "1000", "channel", "ON_SITE"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("<title>Error: Services and locations", "Please check your entries",
                "The duration must be a whole number from 5 to 480 minutes.",
                "Please choose a location; on-site appointments need one.");
        HttpResponse<String> processors = browser.get(base + "/auftragsverarbeiter");
        HttpResponse<String> badCountry = submit(browser, processors, "/verwaltung/auftragsverarbeiter",
                Map.of("name", "Cloud Inc.", "country", "ZZ", "purpose", "Hosting"));
        assertThat(badCountry.body()).contains("“ZZ” is not a known country code.");
        HttpResponse<String> branding = browser.get(base + "/gestaltung");
        HttpResponse<String> badColour = submit(browser, branding, "/verwaltung/gestaltung", Map.of("primaryColor", "#12345"));
        assertThat(badColour.body()).contains("Please enter the colour as #RRGGBB");
        HttpResponse<String> retention = browser.get(base + "/loeschfristen");
        assertThat(retention.body()).contains("Data categories and retention", "erased");
        assertThat(browser.get(base + "/protokoll").body()).contains("Audit log", "No entries.");
    }

    @Test
    void plainStaffAndOtherTenantsAdminsAreRefused() {
        String tenant = AdminFixtures.onboardCopyOf(onboarding, "leer");
        String base = "/" + tenant + "/verwaltung";

        clock.advance(Duration.ofSeconds(31));
        PageClient staff = new PageClient(port);
        HttpResponse<String> refused = StaffPages.signedInAs(staff, tenant + ".sachbearbeitung", base, clock);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Kein Zugriff", "Rolle TENANT_ADMIN").doesNotContain("Exception");
        assertThat(staff.get(base + "/dienste?lang=en").body()).contains("No access");
        HttpResponse<String> post = staff.post(base + "/verwerfen", PageClient.csrf(
                staff.get("/" + tenant + "/mitarbeiter/termine").body()), Map.of());
        assertThat(post.statusCode()).isEqualTo(403);

        PageClient other = admin("helbra", "/helbra/verwaltung");
        HttpResponse<String> foreign = other.get(base);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("Kein Zugriff").doesNotContain(tenant + ".verwaltung");

        HttpResponse<String> anonymous = new PageClient(port).get(base + "/protokoll");
        assertThat(anonymous.uri().getPath()).as("strangers are sent to the issuer").isEqualTo("/idp/login");
    }

    private static String firstMatch(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
