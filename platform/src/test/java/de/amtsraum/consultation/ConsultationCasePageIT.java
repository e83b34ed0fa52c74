package de.amtsraum.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.shared.CaseIds;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.support.StaffPages;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff pages of consultation cases without JavaScript (plain forms with CSRF), German and
 * English: opening a case, notes with the handover mark, ID document, outcome, error summaries for
 * bad input, archive and handover behind a confirmation page, the link from the appointment page,
 * video unavailable said plainly, and a tenant without conversation data.
 */
@PlatformTest
class ConsultationCasePageIT {

    private static final String LIST = "/heilbronn/mitarbeiter/faelle";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    RuntimeProperties runtime;

    private PageClient signedIn(String tenant, String path) {
        PageClient browser = new PageClient(port);
        assertThat(StaffPages.signedIn(browser, tenant, path, clock).statusCode()).isEqualTo(200);
        return browser;
    }

    /** Posts a form of the page (found by the end of its action) with the page's CSRF token. */
    private static HttpResponse<String> submit(PageClient browser, HttpResponse<String> page, String actionEnd,
                                               Map<String, String> fields) {
        String action = StaffPages.formAction(page.body(), actionEnd);
        return browser.post(action, StaffPages.csrfOf(page.body(), action), fields);
    }

    private static String caseIdOf(HttpResponse<String> page) {
        String path = page.uri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void staffWorkACaseInGermanWithErrorSummariesAndConfirmations() {
        PageClient browser = signedIn("heilbronn", LIST);
        HttpResponse<String> list = browser.get(LIST);
        assertThat(list.body()).contains("<h1 class=\"kern-heading-large\">Offene Fälle</h1>", "Fall anlegen",
                "<label class=\"kern-label\" for=\"serviceId\">");

        HttpResponse<String> page = submit(browser, list, "/mitarbeiter/faelle", Map.of("serviceId", "video-baurecht"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).startsWith(LIST + "/");
        String caseId = caseIdOf(page);
        assertThat(page.body()).contains("Der Fall ist angelegt.", "Videoberatung Baurechtsamt",
                "von der Sachbearbeitung angelegt", "Noch keine Notizen.",
                "Videoberatung ist derzeit nicht verfügbar.").doesNotContain("/videoanruf");

        HttpResponse<String> empty = submit(browser, page, "/notiz", Map.of("text", "  "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Bitte prüfen Sie Ihre Angaben", "href=\"#text\"",
                "Bitte geben Sie den Text der Notiz ein.", "aria-invalid=\"true\"", "aria-describedby=\"text-error\"");
        HttpResponse<String> tooLong = submit(browser, empty, "/notiz", Map.of("text", "z".repeat(4001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Die Notiz ist zu lang: höchstens 4.000 Zeichen.");

        HttpResponse<String> noted = submit(browser, tooLong, "/notiz",
                Map.of("text", "Bauantrag besprochen", "marked", "on"));
        assertThat(noted.uri().getPath()).isEqualTo(LIST + "/" + caseId);
        assertThat(noted.body()).contains("Die Notiz ist gespeichert.", "Bauantrag besprochen",
                "(für Fachverfahren markiert)");
        HttpResponse<String> internal = submit(browser, noted, "/notiz", Map.of("text", "Nur intern"));
        assertThat(internal.body()).contains("Nur intern");

        HttpResponse<String> noKind = submit(browser, internal, "/ausweis", Map.of("documentKind", ""));
        assertThat(noKind.statusCode()).isEqualTo(422);
        assertThat(noKind.body()).contains("Bitte wählen Sie die Art des vorgezeigten Ausweisdokuments.");
        HttpResponse<String> shown = submit(browser, noKind, "/ausweis", Map.of("documentKind", "PASSPORT"));
        assertThat(shown.body()).contains("Das vorgezeigte Ausweisdokument ist vermerkt.", "Vorgezeigt: Reisepass");

        HttpResponse<String> noOutcome = submit(browser, shown, "/ergebnis", Map.of("summary", "ohne Ergebnis"));
        assertThat(noOutcome.statusCode()).isEqualTo(422);
        assertThat(noOutcome.body()).contains("Bitte wählen Sie ein Ergebnis: abgeschlossen oder abgebrochen.",
                "ohne Ergebnis");
        HttpResponse<String> outcome = submit(browser, noOutcome, "/ergebnis",
                Map.of("outcome", "COMPLETED", "summary", "Antrag kann gestellt werden"));
        assertThat(outcome.body()).contains("Das Ergebnis ist vermerkt.", "Antrag kann gestellt werden");

        HttpResponse<String> confirm = browser.get(LIST + "/" + caseId + "/uebergeben");
        assertThat(confirm.body()).contains("Soll dieser Fall an das Fachverfahren übergeben werden?", "Ja, übergeben");
        HttpResponse<String> handedOver = submit(browser, confirm, "/uebergeben", Map.of());
        assertThat(handedOver.body()).contains("Der Fall ist an das Fachverfahren übergeben.",
                "an das Fachverfahren übergeben", "Übergeben am").doesNotContain("/notiz\"", "/archivieren\"");
        HttpResponse<String> again = submit(browser, confirm, "/uebergeben", Map.of());
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("eine Übergabe ist nur einmal möglich").doesNotContain("Exception");

        HttpResponse<String> second = submit(browser, browser.get(LIST), "/mitarbeiter/faelle", Map.of("serviceId", ""));
        String secondId = caseIdOf(second);
        HttpResponse<String> archive = browser.get(LIST + "/" + secondId + "/archivieren");
        assertThat(archive.body()).contains("Soll dieser Fall archiviert werden?", "Abbrechen");
        HttpResponse<String> archived = submit(browser, archive, "/archivieren", Map.of());
        assertThat(archived.body()).contains("Der Fall ist archiviert.", "archiviert", "die Sachbearbeitung");
        HttpResponse<String> late = submit(browser, archive, "/archivieren", Map.of());
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("Der Fall ist abgeschlossen");

        assertThat(browser.get(LIST).body()).doesNotContain(secondId.substring(0, 8));
        assertThat(browser.get(LIST + "?status=abgeschlossen").body()).contains(secondId.substring(0, 8),
                caseId.substring(0, 8));
        HttpResponse<String> closed = browser.post(LIST + "/" + caseId + "/notiz", PageClient.csrf(list.body()),
                Map.of("text", "x"));
        assertThat(closed.statusCode()).as("a handed-over case takes no note").isEqualTo(422);
        assertThat(closed.body()).contains("Der Fall ist abgeschlossen").doesNotContain(">x<");
        assertThat(browser.get(LIST + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void theSamePagesInEnglishAndAVideoStartSaysPlainlyItIsUnavailable() {
        PageClient browser = signedIn("heilbronn", LIST);
        HttpResponse<String> opened = submit(browser, browser.get(LIST), "/mitarbeiter/faelle", Map.of("serviceId", ""));
        String caseId = caseIdOf(opened);
        HttpResponse<String> english = browser.get(LIST + "/" + caseId + "?lang=en");
        assertThat(english.body()).contains("lang=\"en\"", "Consultation case", "Add note",
                "Video consultation is currently not available.", "Mark for the specialist system");
        HttpResponse<String> empty = submit(browser, english, "/notiz", Map.of("text", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Please check your input", "Please enter the text of the note.");
        HttpResponse<String> outcome = submit(browser, english, "/ergebnis", Map.of("outcome", "MAYBE"));
        assertThat(outcome.body()).contains("Please choose an outcome: completed or aborted.");
        assertThat(browser.get(LIST).body()).contains("Open cases", "Open a case");

        // No Calls bean, or video off: a forged start is answered on the case page, nothing else.
        HttpResponse<String> german = browser.get(LIST + "/" + caseId + "?lang=de");
        HttpResponse<String> video = browser.post(LIST + "/" + caseId + "/videoanruf", PageClient.csrf(german.body()),
                Map.of());
        assertThat(video.statusCode()).isEqualTo(422);
        assertThat(video.body()).contains("Videoberatung ist derzeit nicht verfügbar.").doesNotContain("Exception");
    }

    @Test
    void theAppointmentPageLinksToTheCaseItsBookingOpened() {
        Api api = new Api(port);
        String email = "page-" + UUID.randomUUID() + "@example.org";
        JsonNode slot = BookingFixtures.freeSlot(api, "heilbronn", "video-auslaenderbehoerde", clock.instant(), 1);
        String appointmentId = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "heilbronn",
                BookingFixtures.heilbronn("video-auslaenderbehoerde", slot.get("start").asText(), email));
        String caseId = CaseIds.forAppointment(appointmentId);
        String appointmentPage = "/heilbronn/mitarbeiter/termine/" + appointmentId;
        PageClient browser = signedIn("heilbronn", appointmentPage);
        assertThat(browser.get(appointmentPage).body()).contains("href=\"" + LIST + "/" + caseId + "\"",
                "Zum Beratungsfall");
        HttpResponse<String> casePage = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> browser.get(LIST + "/" + caseId), r -> r.statusCode() == 200);
        assertThat(casePage.body()).contains("Terminbuchung", "Videoberatung Ausländerbehörde",
                "href=\"/heilbronn/mitarbeiter/termine/" + appointmentId + "\"").doesNotContain(email);
    }

    @Test
    void aTenantWithoutConversationDataShowsNoConversationFormsAndRefusesThemInGerman() {
        String list = "/leer/mitarbeiter/faelle";
        PageClient browser = signedIn("leer", list);
        HttpResponse<String> cases = browser.get(list);
        HttpResponse<String> page = submit(browser, cases, "/mitarbeiter/faelle", Map.of("serviceId", ""));
        String caseId = caseIdOf(page);
        assertThat(page.body()).contains("erhebt laut ihren Datenschutzhinweisen keine Gesprächsdaten")
                .doesNotContain("/notiz\"", "/uebergeben\"").contains("/archivieren\"");
        HttpResponse<String> refused = browser.post(list + "/" + caseId + "/notiz", PageClient.csrf(cases.body()),
                Map.of("text", "Notiz"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("es wurde nichts gespeichert", "Noch keine Notizen.");
    }
}
