package de.amtsraum.booking;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The booking pages as a browser without JavaScript uses them. */
@PlatformTest
class BookingPageIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    BookingSweeps sweeps;

    PageClient browser;

    @BeforeEach
    void setUp() {
        browser = new PageClient(port);
    }

    /** Services → month → day → form, following the links the pages offer. */
    private HttpResponse<String> openForm(String tenant, String service) {
        HttpResponse<String> services = browser.get("/" + tenant + "/termin");
        assertThat(services.statusCode()).isEqualTo(200);
        String monthLink = link(services.body(), "/" + tenant + "/termin/" + service);
        HttpResponse<String> month = browser.get(monthLink);
        assertThat(month.statusCode()).isEqualTo(200);
        String dayLink;
        Matcher day = Pattern.compile("href=\"(/" + tenant + "/termin/" + service + "/tag/[0-9-]+)\"").matcher(month.body());
        if (day.find()) {
            dayLink = day.group(1);
        } else {
            Matcher next = Pattern.compile("href=\"(/" + tenant + "/termin/" + service + "\\?monat=[0-9-]+)\"[^>]*>(Nächster|Next)")
                    .matcher(month.body());
            assertThat(next.find()).isTrue();
            Matcher nextDay = Pattern.compile("href=\"(/" + tenant + "/termin/" + service + "/tag/[0-9-]+)\"")
                    .matcher(browser.get(next.group(1).replace("&amp;", "&")).body());
            assertThat(nextDay.find()).isTrue();
            dayLink = nextDay.group(1);
        }
        HttpResponse<String> dayPage = browser.get(dayLink);
        Matcher slots = Pattern.compile("href=\"(/" + tenant + "/termin/" + service + "/buchen\\?start=[^\"]+)\"")
                .matcher(dayPage.body());
        String slot = null;
        while (slots.find()) {
            slot = slots.group(1);
        }
        assertThat(slot).as("a free slot on " + dayLink).isNotNull();
        HttpResponse<String> form = browser.get(slot.replace("&amp;", "&"));
        assertThat(form.statusCode()).isEqualTo(200);
        return form;
    }

    private static String link(String html, String endsWith) {
        Matcher matcher = Pattern.compile("href=\"([^\"]*" + Pattern.quote(endsWith) + ")\"").matcher(html);
        assertThat(matcher.find()).as("link " + endsWith).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden " + name).isTrue();
        return matcher.group(1);
    }

    private Map<String, String> fields(String form, String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("start", hidden(form, "start"));
        fields.put("noticeVersion", hidden(form, "noticeVersion"));
        fields.put("name", "Erika Mustermann");
        fields.put("email", email);
        fields.put("phone", "02361 50-0");
        fields.put("consent", "on");
        fields.put("pruefung", hidden(form, "pruefung"));
        fields.put("pruefantwort", answer(form));
        return fields;
    }

    /** The answer to the no-JavaScript question of the bot check, as a citizen would give it. */
    static String answer(String form) {
        Matcher question = Pattern.compile("Wie viel ist (\\d+) plus (\\d+)\\?").matcher(form);
        assertThat(question.find()).as("the page asks the bot-check question").isTrue();
        return String.valueOf(Integer.parseInt(question.group(1)) + Integer.parseInt(question.group(2)));
    }

    private Map<String, String> heilbronnFields(String form, String email, String answer) {
        Map<String, String> fields = fields(form, email);
        fields.put("concern", "Bauvoranfrage");
        fields.put("pruefantwort", answer);
        return fields;
    }

    private String mailToken(String email, String subject) {
        var mail = BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, subject).orElseThrow();
        return BookingFixtures.parameter(BookingFixtures.text(mail), "token").orElseThrow();
    }

    @Test
    void citizenBooksConfirmsReschedulesAndCancelsWithoutJavaScript() {
        String email = "seite-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> form = openForm("recklinghausen", "personalausweis-beantragen");
        assertThat(form.body()).contains("Name", "E-Mail-Adresse", "Telefonnummer", "(Pflicht)")
                .doesNotContain("Geburtsdatum")
                .doesNotContainPattern("<script(?![^>]*src=\"/antibot/antibot\\.js\")")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");

        HttpResponse<String> sent = browser.post("/recklinghausen/termin/personalausweis-beantragen/buchen",
                PageClient.csrf(form.body()), fields(form.body(), email));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.uri().getPath()).isEqualTo("/recklinghausen/termin/gesendet");
        assertThat(sent.body()).contains("Bitte bestätigen Sie Ihren Termin", "20 Minuten");

        String confirmToken = mailToken(email, "Bitte bestätigen");
        HttpResponse<String> confirmPage = browser.get("/recklinghausen/termin/bestaetigen?token=" + confirmToken);
        assertThat(confirmPage.body()).contains("Personalausweis beantragen", "reserviert, noch nicht bestätigt");
        HttpResponse<String> confirmed = browser.post("/recklinghausen/termin/bestaetigen",
                PageClient.csrf(confirmPage.body()), Map.of("token", confirmToken));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Ihr Termin ist bestätigt", "aktuelles biometrisches Passfoto");
        HttpResponse<String> again = browser.post("/recklinghausen/termin/bestaetigen",
                PageClient.csrf(confirmPage.body()), Map.of("token", confirmToken));
        assertThat(again.body()).contains("Dieser Termin war bereits bestätigt.");

        String manageToken = mailToken(email, "Terminbestätigung");
        HttpResponse<String> manage = browser.get("/recklinghausen/termin/verwalten?token=" + manageToken);
        assertThat(manage.body()).contains("Termin absagen", "Termin verschieben", "bestätigt");
        HttpResponse<String> month = browser.get(link(manage.body(), "verschieben=" + manageToken));
        Matcher day = Pattern.compile("href=\"([^\"]*/tag/[0-9-]+\\?verschieben=[^\"]+)\"").matcher(month.body());
        assertThat(day.find()).isTrue();
        HttpResponse<String> dayPage = browser.get(day.group(1).replace("&amp;", "&"));
        Matcher slot = Pattern.compile("href=\"(/recklinghausen/termin/verwalten/verschieben\\?[^\"]+)\"")
                .matcher(dayPage.body());
        assertThat(slot.find()).isTrue();
        HttpResponse<String> reschedule = browser.get(slot.group(1).replace("&amp;", "&"));
        assertThat(reschedule.body()).contains("Ihr Termin wird verschoben auf");
        HttpResponse<String> moved = browser.post("/recklinghausen/termin/verwalten/verschieben",
                PageClient.csrf(reschedule.body()), Map.of("token", manageToken, "start", hidden(reschedule.body(), "start")));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("Ihr Termin wurde verschoben.");

        HttpResponse<String> cancelled = browser.post("/recklinghausen/termin/verwalten/absagen",
                PageClient.csrf(moved.body()), Map.of("token", manageToken));
        assertThat(cancelled.body()).contains("Ihr Termin ist abgesagt");
        HttpResponse<String> twice = browser.post("/recklinghausen/termin/verwalten/absagen",
                PageClient.csrf(moved.body()), Map.of("token", manageToken));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("abgesagt oder vorbei").doesNotContain("Exception");
    }

    @Test
    void formErrorsAreGermanSentencesAndNothingIsStored() {
        HttpResponse<String> form = openForm("heilbronn", "video-baurecht");
        assertThat(form.body()).contains("Ihr Anliegen", "Geburtsdatum", "Anschrift");
        int before = jdbc.queryForObject("select count(*) from appointment", Integer.class);
        Map<String, String> fields = fields(form.body(), "kein-at-zeichen");
        fields.remove("consent");
        fields.put("birthDate", "2999-01-01");
        fields.put("pruefantwort", "999");
        HttpResponse<String> refused = browser.post("/heilbronn/termin/video-baurecht/buchen",
                PageClient.csrf(form.body()), fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Bitte prüfen Sie Ihre Angaben", "Bitte beschreiben Sie kurz Ihr Anliegen.",
                "Bitte geben Sie eine gültige E-Mail-Adresse an", "gültiges Datum in der Vergangenheit",
                "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise", "aria-invalid=\"true\"",
                "value=\"Erika Mustermann\"");
        assertThat(jdbc.queryForObject("select count(*) from appointment", Integer.class)).isEqualTo(before);
        HttpResponse<String> wrongAnswer = browser.post("/heilbronn/termin/video-baurecht/buchen",
                PageClient.csrf(refused.body()), heilbronnFields(refused.body(), "pruefung@example.org", "999"));
        assertThat(wrongAnswer.statusCode()).isEqualTo(422);
        assertThat(wrongAnswer.body()).contains("href=\"#bot-check\"");
        assertThat(jdbc.queryForObject("select count(*) from appointment", Integer.class)).isEqualTo(before);
    }

    @Test
    void leerShowsItsTermsOfUseAndAsksForTheMinimumAge() {
        HttpResponse<String> form = openForm("leer", "video-familienberatung");
        assertThat(form.body()).contains("Nutzungsbedingungen", "name=\"termsVersion\"",
                "Ich bin mindestens 18 Jahre alt.", "sorgeberechtigte Person", "href=\"/leer/nutzungsbedingungen\"")
                .doesNotContain("Telefonnummer");
        HttpResponse<String> terms = browser.get("/leer/nutzungsbedingungen");
        assertThat(terms.statusCode()).isEqualTo(200);
        assertThat(terms.body()).contains("Nutzungsbedingungen der Online-Beratung", "Fassung " + hidden(form.body(),
                "termsVersion"));
        assertThat(browser.get("/recklinghausen/nutzungsbedingungen").statusCode()).isEqualTo(404);

        Map<String, String> fields = fields(form.body(), "leer-seite@example.org");
        fields.remove("phone");
        HttpResponse<String> refused = browser.post("/leer/termin/video-familienberatung/buchen",
                PageClient.csrf(form.body()), fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Bitte akzeptieren Sie die Nutzungsbedingungen.",
                "mindestens 18 Jahre alt sind oder eine sorgeberechtigte Person");
        Map<String, String> accepted = fields(refused.body(), "leer-seite@example.org");
        accepted.remove("phone");
        accepted.put("termsAccepted", "on");
        accepted.put("termsVersion", hidden(refused.body(), "termsVersion"));
        accepted.put("ageConfirmation", "ADULT");
        HttpResponse<String> sent = browser.post("/leer/termin/video-familienberatung/buchen",
                PageClient.csrf(refused.body()), accepted);
        assertThat(sent.uri().getPath()).isEqualTo("/leer/termin/gesendet");
    }

    @Test
    void pagesSpeakEnglishOnRequest() {
        HttpResponse<String> services = browser.get("/recklinghausen/termin?lang=en");
        assertThat(services.body()).contains("<html lang=\"en\"", "Book an appointment", "Choose a time",
                "href=\"/recklinghausen/termin?lang=de\"");
        HttpResponse<String> form = openForm("recklinghausen", "meldebescheinigung");
        assertThat(form.body()).contains("Your details", "E-mail address", "(required)");
        Map<String, String> fields = fields(form.body(), "x");
        HttpResponse<String> refused = browser.post("/recklinghausen/termin/meldebescheinigung/buchen",
                PageClient.csrf(form.body()), fields);
        assertThat(refused.body()).contains("Please enter a valid e-mail address");
        assertThat(browser.get("/recklinghausen/termin?lang=de").body()).contains("<html lang=\"de\"",
                "Termin vereinbaren");
    }

    @Test
    void forgedExpiredAndForeignLinksGetAClearPage() {
        HttpResponse<String> forged = browser.get("/recklinghausen/termin/bestaetigen?token=erfunden.abc");
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("Zu diesem Link gibt es keinen Termin").doesNotContain("Exception");
        assertThat(browser.get("/recklinghausen/termin/verwalten").statusCode()).isEqualTo(404);
        assertThat(browser.get("/helbra/termin").statusCode()).as("no booking in Helbra").isEqualTo(404);
        assertThat(browser.get("/recklinghausen/termin/unbekannt").statusCode()).isEqualTo(404);
        assertThat(browser.get("/recklinghausen/termin/meldebescheinigung/tag/gestern").statusCode()).isEqualTo(404);

        String email = "ablauf-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> form = openForm("recklinghausen", "wohnsitz-anmelden");
        browser.post("/recklinghausen/termin/wohnsitz-anmelden/buchen", PageClient.csrf(form.body()),
                fields(form.body(), email));
        String token = mailToken(email, "Bitte bestätigen");
        assertThat(browser.get("/heilbronn/termin/bestaetigen?token=" + token).statusCode())
                .as("token of another tenant").isEqualTo(404);
        HttpResponse<String> page = browser.get("/recklinghausen/termin/bestaetigen?token=" + token);
        clock.advance(Duration.ofMinutes(19));
        sweeps.expireHolds();
        clock.advance(Duration.ofSeconds(61));
        HttpResponse<String> late = browser.post("/recklinghausen/termin/bestaetigen", PageClient.csrf(page.body()),
                Map.of("token", token));
        assertThat(late.statusCode()).isIn(404, 410);
        assertThat(late.body()).containsAnyOf("abgelaufen", "keinen Termin");
    }
}
