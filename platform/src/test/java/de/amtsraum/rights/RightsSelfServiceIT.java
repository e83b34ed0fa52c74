package de.amtsraum.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.shared.CaseIds;
import de.amtsraum.support.AccountFixtures;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.ContactFixtures;
import de.amtsraum.support.Forensics;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Data-subject rights end to end (issue 8): one citizen with one address books a video appointment at
 * Heilbronn (a consultation case opens; staff add a note) and registers an account there; the export
 * holds every canary of all three, the erasure shreds them all (forensic check of dump, disk and log)
 * and a second erasure answers with the first receipt. Contact requests separately at Helbra.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class RightsSelfServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    DataSubjects subjects;
    @Autowired
    ConsultationCases cases;
    @Autowired
    de.amtsraum.privacy.LegalHolds holds;
    @Autowired
    de.amtsraum.identity.RightsLinks links;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void oneCitizenSeesExportsAndErasesBookingCaseAndAccount(CapturedOutput output) throws Exception {
        String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String email = "canary" + mark + "@example.org";
        List<String> canaries = List.of(email, "Canaryname" + mark, "Canaryconcern " + mark,
                "Canaryaddress " + mark, "Canarynote " + mark, "canaryuser" + mark.substring(0, 8));
        JsonNode slot = BookingFixtures.freeSlot(api, "heilbronn", "video-baurecht", clock.instant(), 1);
        ObjectNode form = BookingFixtures.heilbronn("video-baurecht", slot.get("start").asText(), email);
        form.put("name", canaries.get(1)).put("concern", canaries.get(2)).put("address", canaries.get(3));
        String appointmentId = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "heilbronn", form);
        String caseId = CaseIds.forAppointment(appointmentId);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> cases.get("heilbronn", caseId) != null);
        cases.addNote("heilbronn", caseId, canaries.get(4), false);
        PageClient citizen = new PageClient(port);
        AccountFixtures.verifiedAccount(citizen, runtime.resolve("mail"), "heilbronn", canaries.get(5), email);
        AccountFixtures.login(citizen, "heilbronn", canaries.get(5), AccountFixtures.PASSWORD);
        assertThat(citizen.get("/heilbronn/konto").body()).contains("/heilbronn/konto/meine-daten");
        var fromAccount = citizen.get("/heilbronn/konto/meine-daten");
        assertThat(fromAccount.statusCode()).isEqualTo(200);
        assertThat(fromAccount.body()).as("the account finds the whole person")
                .contains(canaries.get(1), canaries.get(2), canaries.get(4), canaries.get(5));

        java.nio.file.Path mail = runtime.resolve("mail");
        assertThat(BookingFixtures.text(BookingFixtures.mailWithSubject(mail, email, "Terminbestätigung").orElseThrow()))
                .contains("/heilbronn/meine-daten?token=");
        assertThat(BookingFixtures.text(BookingFixtures.mailWithSubject(mail, email,
                "Bitte bestätigen Sie Ihre E-Mail-Adresse").orElseThrow())).contains("/heilbronn/meine-daten?token=");
        Person person = subjects.byEmail("heilbronn", email.toUpperCase()).orElseThrow();
        assertThat(subjects.bySubject("heilbronn", person.anchorSubjectId()).orElseThrow().subjectIds())
                .isEqualTo(person.subjectIds());
        assertThat(person.subjectIds()).hasSize(3);
        DataSubjects.Report report = subjects.access(person);
        assertThat(report.records()).extracting(r -> r.source() + "/" + r.type())
                .contains("booking/appointment", "case/consultation-case", "account/account");
        assertThat(report.records().stream().flatMap(r -> r.fields().stream()).map(f -> f.name()))
                .doesNotContain("passwordHash");
        assertThat(report.categories()).isNotEmpty();
        String export = new String(subjects.export(person), StandardCharsets.UTF_8);
        assertThat(export).contains(canaries).doesNotContain(AccountFixtures.PASSWORD);
        JsonNode exported = JSON.readTree(export);
        assertThat(exported.get("records").findValues("events").stream().mapToInt(JsonNode::size).sum())
                .isGreaterThan(3);

        ErasureReceipt receipt = subjects.erase(person, RequestChannel.SELF_SERVICE);
        assertThat(receipt.erased()).extracting(ErasureReceipt.Item::source).contains("booking", "case", "account");
        assertThat(receipt.kept()).isEmpty();
        assertThat(JSON.writeValueAsString(receipt)).doesNotContain(canaries);
        checkpoint();
        assertThat(Forensics.inDump(Forensics.dump(dataSource), canaries)).isEmpty();
        assertThat(Forensics.onDisk(runtime.resolve("postgres"), canaries)).isEmpty();
        assertThat(output.getAll()).doesNotContain(canaries.toArray(String[]::new));

        assertThat(subjects.byEmail("heilbronn", email)).as("the address is gone with the data").isEmpty();
        Person again = subjects.bySubject("heilbronn", person.anchorSubjectId()).orElseThrow();
        assertThat(subjects.erase(again, RequestChannel.SELF_SERVICE).receiptId()).isEqualTo(receipt.receiptId());
        String after = new String(subjects.export(again), StandardCharsets.UTF_8);
        assertThat(after).doesNotContain(canaries).contains("\"erased\" : true");
    }

    @Test
    void contactRequestsOfTheAddressAreExportedAndErased() {
        String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String email = "canary" + mark + "@example.org";
        List<String> canaries = List.of(email, "Canarylast" + mark, "Canarymessage " + mark);
        ObjectNode form = ContactFixtures.form(email);
        form.put("lastName", canaries.get(1)).put("message", canaries.get(2));
        var submitted = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json", form.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);

        assertThat(BookingFixtures.text(BookingFixtures.mailWithSubject(runtime.resolve("mail"), email,
                "Ihre Kontaktanfrage").orElseThrow())).contains("/helbra/meine-daten?token=");
        assertThat(subjects.byEmail("heilbronn", email)).as("a person is per tenant").isEmpty();
        Person person = subjects.byEmail("helbra", email).orElseThrow();
        assertThat(new String(subjects.export(person), StandardCharsets.UTF_8)).contains(canaries)
                .contains("ContactRequestSubmitted");
        ErasureReceipt receipt = subjects.erase(person, RequestChannel.EMAIL);
        assertThat(receipt.erased()).extracting(ErasureReceipt.Item::source).contains("contact");
        assertThat(new String(subjects.export(person), StandardCharsets.UTF_8)).doesNotContain(canaries);
    }

    @Test
    void theSelfServicePageShowsExportsAndErasesAndRefusesForeignOrForgedTokens() throws Exception {
        String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String email = "page" + mark + "@example.org";
        List<String> canaries = List.of(email, "Canarylast" + mark, "Canarymessage " + mark);
        ObjectNode form = ContactFixtures.form(email);
        form.put("lastName", canaries.get(1)).put("message", canaries.get(2));
        assertThat(api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json", form.toString())
                .status()).isEqualTo(202);
        java.nio.file.Path mail = runtime.resolve("mail");

        PageClient browser = new PageClient(port);
        String known = requestLink(browser, email);
        String unknownAddress = "nobody" + mark + "@example.org";
        String unknown = requestLink(browser, unknownAddress);
        assertThat(unknown).isEqualTo(known).contains("Link angefordert").doesNotContain(email);
        assertThat(BookingFixtures.mailTo(mail, unknownAddress)).isEmpty();
        String token = AccountFixtures.token(mail, email, "Ihre Daten bei");

        var overview = browser.get("/helbra/meine-daten?token=" + token);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains(canaries.get(1), canaries.get(2), "Kontaktanfrage",
                "/helbra/meine-daten/einschraenken", "/helbra/meine-daten/widerspruch");
        var export = browser.post("/helbra/meine-daten/export", PageClient.csrf(overview.body()), Map.of("token", token));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(export.body()).contains(canaries);

        for (String forged : List.of(token.substring(0, token.length() - 3) + "AAA", "kein-token")) {
            var refused = browser.get("/helbra/meine-daten?token=" + forged);
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).contains("ungültig").doesNotContain(canaries.toArray(String[]::new));
        }
        var foreign = browser.get("/heilbronn/meine-daten?token=" + token);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(canaries.toArray(String[]::new));

        var confirm = browser.get("/helbra/meine-daten/loeschen?token=" + token);
        assertThat(confirm.statusCode()).isEqualTo(200);
        var receipt = browser.post("/helbra/meine-daten/loeschen", PageClient.csrf(confirm.body()), Map.of("token", token));
        assertThat(receipt.statusCode()).isEqualTo(200);
        ErasureReceipt first = subjects.receiptOf(subjects.bySubject("helbra",
                links.subjectOf(token, "helbra").orElseThrow()).orElseThrow()).orElseThrow();
        assertThat(receipt.body()).contains(first.receiptId(), "Kontaktanfrage").doesNotContain(canaries.toArray(String[]::new));
        var again = browser.post("/helbra/meine-daten/loeschen", PageClient.csrf(confirm.body()), Map.of("token", token));
        assertThat(again.body()).contains(first.receiptId());
        assertThat(browser.get("/helbra/meine-daten?token=" + token).body()).contains("gelöscht")
                .doesNotContain(canaries.toArray(String[]::new));

        String mailLink = links.url("helbra", links.subjectOf(token, "helbra").orElseThrow());
        String longToken = BookingFixtures.parameter(mailLink, "token").orElseThrow();
        clock.advance(Duration.ofDays(31));
        var expired = browser.get("/helbra/meine-daten?token=" + longToken);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).contains("ungültig");
    }

    @Test
    void aSubjectUnderALegalHoldIsKeptAndNamedInTheReceipt() {
        String email = "hold" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String held = "Canaryheld " + UUID.randomUUID();
        String gone = "Canarygone " + UUID.randomUUID();
        for (String message : List.of(held, gone)) {
            ObjectNode form = ContactFixtures.form(email);
            form.put("message", message);
            assertThat(api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json", form.toString())
                    .status()).isEqualTo(202);
        }
        Person person = subjects.byEmail("helbra", email).orElseThrow();
        assertThat(person.subjectIds()).hasSize(2);
        String heldSubject = subjects.access(person).records().stream()
                .filter(r -> r.fields().stream().anyMatch(f -> held.equals(f.value()))).findFirst().orElseThrow().subjectId();
        holds.place("helbra", heldSubject, de.amtsraum.privacy.LegalHolds.Reason.LEGAL_CLAIMS, "Az. 1/26", "helbra-dev");

        ErasureReceipt receipt = subjects.erase(person, RequestChannel.LETTER);
        assertThat(receipt.kept()).isNotEmpty().allSatisfy(item -> assertThat(item.reason()).isEqualTo("LEGAL_CLAIMS"));
        assertThat(receipt.kept()).extracting(ErasureReceipt.Item::recordId).containsOnly(receipt.kept().get(0).recordId());
        assertThat(receipt.erased()).extracting(ErasureReceipt.Item::recordId).doesNotContain(receipt.kept().get(0).recordId());
        assertThat(receipt.erased()).extracting(ErasureReceipt.Item::source).containsOnly("contact");
        String after = new String(subjects.export(subjects.bySubject("helbra", heldSubject).orElseThrow()),
                StandardCharsets.UTF_8);
        assertThat(after).contains(held).doesNotContain(gone);
    }

    private static String requestLink(PageClient browser, String email) {
        var page = browser.get("/helbra/meine-daten");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("email", email);
        fields.put("pruefung", AccountFixtures.hidden(page.body(), "pruefung"));
        java.util.regex.Matcher question = java.util.regex.Pattern.compile("Wie viel ist (\\d+) plus (\\d+)\\?")
                .matcher(page.body());
        assertThat(question.find()).isTrue();
        fields.put("pruefantwort", String.valueOf(Integer.parseInt(question.group(1)) + Integer.parseInt(question.group(2))));
        var answer = browser.post("/helbra/meine-daten/link", PageClient.csrf(page.body()), fields);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private void checkpoint() {
        try (var connection = dataSource.getConnection()) {
            connection.createStatement().execute("CHECKPOINT");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
