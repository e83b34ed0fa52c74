package de.amtsraum.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.Smtp;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import de.amtsraum.support.Api;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.StaffPages;
import java.net.http.HttpResponse;
import java.util.Map;
import de.amtsraum.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The staff inbox over the API and the no-JS pages, with reminder mail over real SMTP (GreenMail). */
@PlatformTest
class RightsInboxIT {

    static final GreenMail SMTP = Smtp.server();

    @DynamicPropertySource
    static void smtpSettings(DynamicPropertyRegistry registry) {
        Smtp.startFor(SMTP, registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/tenants/helbra/rights-requests";
    private static final String DPO = "dsb@verwaltungsamt-helbra.de";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    RightsRequests inbox;
    @Autowired
    EventGateway events;

    Api api;
    Instant start;
    String staff;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        start = clock.instant();
        staff = api.token("helbra-dev", "dev");
    }

    @AfterEach
    void restoreClock() {
        clock.set(start);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin")));
    }

    private ObjectNode request(String name, LocalDate receivedOn) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "ACCESS");
        body.put("channel", "LETTER");
        body.put("receivedOn", receivedOn.toString());
        body.put("requesterName", name);
        body.put("requesterContact", "Hauptstraße 1, 06311 Helbra");
        body.put("description", "Auskunft über alle gespeicherten Daten");
        return body;
    }

    private String open(ObjectNode body) {
        Api.Response response = api.post(BASE, staff, "application/json", body.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private Api.Response action(String id, String action, String body) {
        return api.post(BASE + "/" + id + "/" + action, staff, "application/json", body);
    }

    @Test
    void deadlineIsOneMonthAfterReceiptAndTheNameIsNeverPlaintextInTheEventStore() {
        String name = "Erika Auskunft-" + UUID.randomUUID();
        LocalDate received = today().minusDays(3);
        String id = open(request(name, received));

        JsonNode view = api.get(BASE + "/" + id, staff).json();
        assertThat(view.get("deadline").asText()).isEqualTo(received.plusMonths(1).toString());
        assertThat(view.get("requesterName").asText()).isEqualTo(name);
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(api.get(BASE, staff).json().findValuesAsText("id")).contains(id);

        assertThat(jdbc.queryForObject("select requester_name from rights_request where request_id = ?", String.class, id))
                .startsWith("ar1:rights-requests:").doesNotContain(name);
        List<byte[]> payloads = jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, id);
        assertThat(payloads).isNotEmpty().allSatisfy(p -> assertThat(new String(p)).doesNotContain(name)
                .doesNotContain("Hauptstraße"));
    }

    @Test
    void remindsThePrivacyMailboxOnceDueSoonAndOnceOverdueWithoutPersonalData() {
        String name = "Max Erinnerung-" + UUID.randomUUID();
        String id = open(request(name, today().minusDays(20)));
        LocalDate deadline = today().minusDays(20).plusMonths(1);
        inbox.sendReminders();
        assertThat(mailsAbout(id)).as("more than 7 days left").isEmpty();

        clock.set(deadline.minusDays(6).atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
        inbox.sendReminders();
        inbox.sendReminders();
        List<String> dueSoon = mailsAbout(id);
        assertThat(dueSoon).singleElement().satisfies(mail -> assertThat(mail)
                .contains("To: " + DPO).contains("ACCESS").contains(deadline.toString())
                .contains("/helbra/mitarbeiter/anfragen/" + id).doesNotContain(name).doesNotContain("abgelaufen"));

        clock.set(deadline.plusDays(1).atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
        inbox.sendReminders();
        inbox.sendReminders();
        List<String> all = mailsAbout(id);
        assertThat(all).hasSize(2);
        assertThat(all).filteredOn(mail -> mail.contains("abgelaufen")).singleElement()
                .satisfies(mail -> assertThat(mail).doesNotContain(name));
        assertThat(api.get(BASE + "/" + id, api.token("helbra-dev", "dev")).json().get("overdue").asBoolean()).isTrue();
    }

    @Test
    void extendsOnceByAtMostTwoMonthsWithAReasonAndTheCitizenInformed() {
        LocalDate received = today().minusDays(2);
        String id = open(request("Eva Verlängerung", received));

        assertThat(action(id, "extension", "{\"months\":3,\"reason\":\"Umfang\",\"citizenInformed\":true}").status())
                .as("beyond three months in all").isEqualTo(422);
        assertThat(action(id, "extension", "{\"months\":2,\"reason\":\"Umfang\",\"citizenInformed\":false}").status())
                .as("citizen not told").isEqualTo(422);
        Api.Response extended = action(id, "extension",
                "{\"months\":2,\"reason\":\"Umfangreiche Akten\",\"citizenInformed\":true}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("deadline").asText()).isEqualTo(received.plusMonths(1).plusMonths(2).toString());
        assertThat(extended.json().get("extensionReason").asText()).isEqualTo("Umfangreiche Akten");

        Api.Response again = action(id, "extension", "{\"months\":1,\"reason\":\"noch mehr\",\"citizenInformed\":true}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asText()).endsWith("deadline-already-extended");
        assertThat(api.get(BASE + "/" + id, staff).json().get("deadline").asText())
                .isEqualTo(received.plusMonths(3).toString());
    }

    @Test
    void closingNeedsAVerifiedIdentityAndStartsTheRetentionRule() {
        String id = open(request("Karl Abschluss", today()));
        String subject = jdbc.queryForObject("select subject_id from rights_request where request_id = ?", String.class, id);

        Api.Response refused = action(id, "closure", "{\"outcome\":\"ANSWERED\",\"note\":\"Auskunft versandt\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("identity-not-verified");
        assertThat(api.get(BASE + "/" + id, staff).json().get("status").asText()).isEqualTo("OPEN");

        assertThat(action(id, "verification", "{\"method\":\"SIGNED_LETTER\",\"note\":\"Unterschrift passt\"}").status())
                .isEqualTo(200);
        Api.Response closed = action(id, "closure", "{\"outcome\":\"ANSWERED\",\"note\":\"Auskunft versandt\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.json().get("verification").asText()).isEqualTo("SIGNED_LETTER");
        assertThat(jdbc.queryForObject("select count(*) from retention_deadline where tenant_id = 'helbra' "
                + "and subject_id = ? and trigger = 'RIGHTS_REQUEST_CLOSED' and category_id = 'rights-requests'",
                Integer.class, subject)).isEqualTo(1);
        assertThat(action(id, "verification", "{\"method\":\"CALLBACK\"}").status()).as("closed stays closed")
                .isEqualTo(409);
    }

    @Test
    void badInputIsAProblemAndNothingIsStored() {
        int before = count();
        ObjectNode noName = request("x", today());
        noName.remove("requesterName");
        ObjectNode badType = request("Name", today());
        badType.put("type", "COMPLAINT");
        ObjectNode future = request("Name", today().plusDays(5));
        ObjectNode badDate = request("Name", today());
        badDate.put("receivedOn", "gestern");
        for (ObjectNode body : List.of(noName, badType, future, badDate)) {
            Api.Response response = api.post(BASE, staff, "application/json", body.toString());
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).endsWith("invalid-rights-request");
            assertThat(response.body()).doesNotContain("Exception");
        }
        assertThat(count()).isEqualTo(before);
        assertThat(action("unknown-id", "verification", "{\"method\":\"CALLBACK\"}").status()).isEqualTo(404);
    }

    @Test
    void anotherTenantsStaffCannotSeeOrChangeIt() {
        String id = open(request("Geheim Andere", today()));
        String leer = api.token("leer-dev", "dev");

        assertThat(api.get(BASE + "/" + id, leer).status()).isEqualTo(403);
        assertThat(api.get(BASE, leer).status()).isEqualTo(403);
        assertThat(api.post(BASE + "/" + id + "/verification", leer, "application/json",
                "{\"method\":\"CALLBACK\"}").status()).isEqualTo(403);
        assertThat(api.get(BASE, null).status()).isEqualTo(401);
        Api.Response own = api.get("/api/v1/tenants/leer/rights-requests/" + id, leer);
        assertThat(own.status()).as("not found through its own tenant either").isEqualTo(404);
    }

    @Test
    void aRecordedObjectionOpensAnObjectionRequestReferencingIt() {
        String objectionId = UUID.randomUUID().toString();
        events.publish(new ObjectionRecorded("helbra", objectionId, UUID.randomUUID().toString(),
                List.of("person-subject-" + objectionId), "Ich widerspreche", RequestChannel.SELF_SERVICE,
                clock.instant()));

        JsonNode view = api.get(BASE + "/objection-" + objectionId, staff).json();
        assertThat(view.get("type").asText()).isEqualTo("OBJECTION");
        assertThat(view.get("channel").asText()).isEqualTo("SELF_SERVICE");
        assertThat(view.get("objectionId").asText()).isEqualTo(objectionId);
        assertThat(view.get("subjectId").asText()).isEqualTo("person-subject-" + objectionId);
        assertThat(view.get("description").isNull()).isTrue();
        assertThat(view.get("deadline").asText()).isEqualTo(today().plusMonths(1).toString());
    }

    @Test
    void staffRecordALetterOnThePageVerifyAndCloseItInGermanAndEnglish() {
        PageClient browser = new PageClient(port);
        HttpResponse<String> inboxPage = StaffPages.signedIn(browser, "helbra", "/helbra/mitarbeiter/anfragen", clock);
        assertThat(inboxPage.statusCode()).isEqualTo(200);
        assertThat(inboxPage.body()).contains("Anfragen zu Betroffenenrechten").contains("<label");
        String action = StaffPages.formAction(inboxPage.body(), "/helbra/mitarbeiter/anfragen");

        int before = count();
        HttpResponse<String> bad = browser.post(action, StaffPages.csrfOf(inboxPage.body(), action),
                Map.of("type", "ACCESS", "channel", "LETTER", "receivedOn", "", "requesterName", "Ohne Datum"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Bitte geben Sie Art, Eingangsweg").contains("Ohne Datum");
        assertThat(count()).isEqualTo(before);

        String name = "Brief Schreiberin-" + UUID.randomUUID();
        LocalDate received = today().minusDays(1);
        HttpResponse<String> detail = browser.post(action, StaffPages.csrfOf(inboxPage.body(), action),
                Map.of("type", "ERASURE", "channel", "LETTER", "receivedOn", received.toString(), "requesterName", name,
                        "requesterContact", "Markt 1", "description", "Bitte alles löschen"));
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.uri().getPath()).startsWith("/helbra/mitarbeiter/anfragen/").doesNotContain(name);
        assertThat(detail.body()).contains(name).contains("Löschung")
                .contains(received.plusMonths(1).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));

        String close = StaffPages.formAction(detail.body(), "/abschluss");
        HttpResponse<String> refused = browser.post(close, StaffPages.csrfOf(detail.body(), close),
                Map.of("outcome", "ANSWERED", "reasonCode", "", "note", "erledigt"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Bitte prüfen Sie zuerst die Identität");

        String verify = StaffPages.formAction(refused.body(), "/identitaet");
        HttpResponse<String> verified = browser.post(verify, StaffPages.csrfOf(refused.body(), verify),
                Map.of("method", "ID_DOCUMENT_SEEN", "note", ""));
        assertThat(verified.body()).contains("Ausweis vorgelegt");
        HttpResponse<String> closed = browser.post(close, StaffPages.csrfOf(verified.body(), close),
                Map.of("outcome", "ANSWERED", "reasonCode", "", "note", "erledigt"));
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains("Die Anfrage ist abgeschlossen.").contains("abgeschlossen");

        HttpResponse<String> english = browser.get("/helbra/mitarbeiter/anfragen?lang=en");
        assertThat(english.body()).contains("Data subject requests").contains("Erasure");
    }

    @Test
    void anotherTenantsStaffPageDoesNotShowTheRequest() {
        String id = open(request("Fremd Seite", today()));
        PageClient browser = new PageClient(port);
        HttpResponse<String> page = StaffPages.signedIn(browser, "leer", "/leer/mitarbeiter/anfragen/" + id, clock);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Fremd Seite");
    }

    @Test
    void aTenantWithoutARightsRequestsCategoryIsRefusedClearly() {
        String operator = api.token("operator-dev", "dev");
        String manifest = de.amtsraum.support.ManifestFixtures.requestBody("helbra", "ohnerechte", m -> {
            var categories = (com.fasterxml.jackson.databind.node.ArrayNode) m.get("dataCategories");
            for (int i = categories.size() - 1; i >= 0; i--) {
                if ("rights-requests".equals(categories.get(i).get("id").asText())) {
                    categories.remove(i);
                }
            }
        });
        Api.Response put = api.put("/api/v1/operator/tenants/ohnerechte", operator, "application/json", manifest);
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        int before = count();

        Api.Response refused = api.post("/api/v1/tenants/ohnerechte/rights-requests", api.token("ohnerechte-dev", "dev"),
                "application/json", request("Niemand", today()).toString());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("rights-requests-not-offered");
        assertThat(count()).isEqualTo(before);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from rights_request", Integer.class);
    }

    /** Reminder mails to the privacy mailbox about the request, as delivered over SMTP (decoded text). */
    private List<String> mailsAbout(String requestId) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .map(message -> "To: " + recipient(message) + "\n" + BookingFixtures.subject(message) + "\n"
                        + BookingFixtures.text(message))
                .filter(text -> text.contains("Vorgang: " + requestId)).toList();
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
