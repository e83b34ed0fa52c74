package de.amtsraum.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.privacy.RetentionDeadlines;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.StaffPages;
import de.amtsraum.support.PlatformTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Blocking for misuse at Leer (the tenant whose manifest declares ABUSE_EVIDENCE): staff end an
 * appointment and block the address through the API and the staff pages; the evidence is sealed,
 * bookings are refused while the block lasts and accepted after its end or its lifting; the evidence
 * is shredded after 30 days while a longer block stays; tenants without the category get 404; bad
 * input stores nothing.
 */
@PlatformTest
class BlockingIT {

    static final String LEER = "/api/v1/tenants/leer";
    static final String SERVICE = "video-allgemeine-beratung";
    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    RetentionDeadlines deadlines;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String email() {
        return "sperre-" + UUID.randomUUID() + "@example.org";
    }

    /** A PNG signature followed by a canary: enough for the type check, and findable in a dump. */
    static byte[] png(String canary) {
        byte[] text = canary.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(PNG_SIGNATURE, PNG_SIGNATURE.length + text.length);
        System.arraycopy(text, 0, bytes, PNG_SIGNATURE.length, text.length);
        return bytes;
    }

    Api.Response book(String tenant, String email) {
        JsonNode slot = BookingFixtures.freeSlot(api, tenant, service(tenant), clock.instant(), 1);
        ObjectNode form = tenant.equals("leer") ? BookingFixtures.leer(SERVICE, slot.get("start").asText(), email)
                : BookingFixtures.heilbronn("video-baurecht", slot.get("start").asText(), email);
        return BookingFixtures.book(api, tenant, form);
    }

    static String service(String tenant) {
        return tenant.equals("leer") ? SERVICE : "video-baurecht";
    }

    /** A confirmed appointment; returns its id. */
    String confirmed(String tenant, String email) {
        Api.Response held = book(tenant, email);
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        var mail = BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, "Bitte bestätigen").orElseThrow();
        String token = BookingFixtures.parameter(BookingFixtures.text(mail), "token").orElseThrow();
        Api.Response confirmed = api.post("/api/v1/tenants/" + tenant + "/appointment-confirmations", null,
                "application/json", BookingFixtures.token(token));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return held.json().get("appointmentId").asText();
    }

    String staff(String tenant) {
        return api.token(tenant + "-dev", "dev");
    }

    static String blockBody(String reason, String duration, String screenshot) {
        ObjectNode body = JSON.createObjectNode();
        if (reason != null) {
            body.put("reason", reason);
        }
        body.put("duration", duration);
        if (screenshot != null) {
            body.put("screenshot", screenshot);
        }
        return body.toString();
    }

    Api.Response block(String tenant, String appointmentId, String token, String body) {
        return api.post("/api/v1/tenants/" + tenant + "/appointments/" + appointmentId + "/block", token,
                "application/json", body);
    }

    int blocks() {
        return jdbc.queryForObject("SELECT count(*) FROM citizen_block", Integer.class);
    }

    int blockEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%CitizenBlocked'",
                Integer.class);
    }

    String eventPayload(String blockId) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%CitizenBlocked'", String.class, blockId);
    }

    String status(String tenant, String appointmentId) {
        return api.get("/api/v1/tenants/" + tenant + "/appointments/" + appointmentId, staff(tenant)).json()
                .get("status").asText();
    }

    @Test
    void blockThroughTheApiEndsTheAppointmentSealsTheEvidenceAndLastsItsTime() {
        String email = email();
        String appointmentId = confirmed("leer", email);
        String reason = "Beleidigung-" + UUID.randomUUID();
        String shotCanary = "Bildbeweis-" + UUID.randomUUID();
        String screenshot = Base64.getEncoder().encodeToString(png(shotCanary));

        Api.Response blocked = block("leer", appointmentId, staff("leer"), blockBody(reason, "P7D", screenshot));

        assertThat(blocked.status()).as(blocked.body()).isEqualTo(201);
        String blockId = blocked.json().get("blockId").asText();
        assertThat(blocked.json().get("appointmentEnded").asBoolean()).isTrue();
        assertThat(status("leer", appointmentId)).isEqualTo("CANCELLED");
        var mail = BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, "Ihr Termin wurde abgesagt")
                .orElseThrow();
        assertThat(BookingFixtures.text(mail)).contains("Nutzungsbedingungen").doesNotContain(reason)
                .doesNotContain("neuen Termin");

        // Sealed: the event holds one ar2 value of the evidence category, the row an ar1 value.
        String payload = eventPayload(blockId);
        assertThat(payload).contains("ar2:abuse-evidence:").doesNotContain(reason).doesNotContain(screenshot)
                .doesNotContain(shotCanary).doesNotContain(appointmentId);
        assertThat(jdbc.queryForObject("SELECT reason FROM citizen_block WHERE block_id = ?", String.class, blockId))
                .startsWith("ar1:abuse-evidence:");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM citizen_block WHERE block_id = ? AND "
                + "(reason LIKE ? OR address_index LIKE ?)", Integer.class, blockId, "%" + reason + "%", "%@%"))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM retention_deadline WHERE trigger = 'INCIDENT_RECORDED' "
                + "AND subject_id = (SELECT evidence_subject_id FROM citizen_block WHERE block_id = ?)",
                Integer.class, blockId)).isEqualTo(1);

        // Staff read the evidence while it lives.
        JsonNode view = api.get(LEER + "/blocks/" + blockId, staff("leer")).json();
        assertThat(view.get("reason").asText()).isEqualTo(reason);
        assertThat(view.get("active").asBoolean()).isTrue();
        assertThat(view.get("screenshot").asBoolean()).isTrue();
        assertThat(api.get(LEER + "/blocks", staff("leer")).body()).contains(blockId);
        Api.Response shot = api.get(LEER + "/blocks/" + blockId + "/screenshot", staff("leer"));
        assertThat(shot.status()).isEqualTo(200);
        assertThat(shot.contentType()).startsWith("image/png");

        // Refused while blocked, with the address in another spelling too; the problem reveals nothing.
        Api.Response refused = book("leer", email.toUpperCase(java.util.Locale.ROOT));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/blocked-for-misuse");
        assertThat(refused.json().get("detail").asText()).contains("Nutzungsbedingungen").doesNotContain(reason);
        assertThat(refused.body()).doesNotContain(reason).doesNotContain(blockId);
        assertThat(book("leer", email()).status()).as("others book as before").isEqualTo(202);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Api.Response again = book("leer", email);
        assertThat(again.status()).as("the block has ended: " + again.body()).isEqualTo(202);
        assertThat(api.get(LEER + "/blocks/" + blockId, staff("leer")).json().get("active").asBoolean()).isFalse();
    }

    @Test
    void evidenceIsShreddedAfterThirtyDaysWhileAPermanentBlockStaysUntilLifted() {
        String email = email();
        String appointmentId = confirmed("leer", email);
        String reason = "Drohung-" + UUID.randomUUID();
        Api.Response blocked = block("leer", appointmentId, staff("leer"), blockBody(reason, "PERMANENT",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png("x"))));
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(201);
        assertThat(blocked.json().get("blockedUntil").isNull()).isTrue();
        String blockId = blocked.json().get("blockId").asText();

        clock.advance(Duration.ofDays(29));
        deadlines.runDue();
        assertThat(api.get(LEER + "/blocks/" + blockId, staff("leer")).json().get("reason").asText())
                .as("29 days: still there").isEqualTo(reason);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        deadlines.runDue();
        JsonNode view = api.get(LEER + "/blocks/" + blockId, staff("leer")).json();
        assertThat(view.get("reason").asText()).isEqualTo("[gelöscht]");
        assertThat(view.get("screenshot").asBoolean()).isFalse();
        assertThat(view.get("active").asBoolean()).as("the block outlives its evidence").isTrue();
        assertThat(api.get(LEER + "/blocks/" + blockId + "/screenshot", staff("leer")).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shredded_key WHERE category_id = 'abuse-evidence' AND "
                + "subject_id = (SELECT evidence_subject_id FROM citizen_block WHERE block_id = ?)", Integer.class,
                blockId)).isEqualTo(1);
        assertThat(book("leer", email).status()).as("still blocked after the evidence is gone").isEqualTo(403);

        Api.Response lifted = api.post(LEER + "/blocks/" + blockId + "/lift", staff("leer"), "application/json", "");
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.json().get("changedNow").asBoolean()).isTrue();
        assertThat(api.post(LEER + "/blocks/" + blockId + "/lift", staff("leer"), "application/json", "").json()
                .get("changedNow").asBoolean()).as("twice is harmless").isFalse();
        assertThat(book("leer", email).status()).as("lifted").isEqualTo(202);
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        String appointmentId = confirmed("leer", email());
        String token = staff("leer");
        int blocksBefore = blocks();
        int eventsBefore = blockEvents();
        byte[] tooLarge = Arrays.copyOf(png("gross"), 2 * 1024 * 1024 + 1);

        Map<String, String> bad = Map.of(
                "too large", blockBody("Grund", "P7D", Base64.getEncoder().encodeToString(tooLarge)),
                "not an image", blockBody("Grund", "P7D", Base64.getEncoder().encodeToString(
                        "<svg>kein Bild</svg>".getBytes(StandardCharsets.UTF_8))),
                "not base64", blockBody("Grund", "P7D", "%%%kein base64%%%"),
                "missing reason", blockBody(null, "P7D", null),
                "blank reason", blockBody("   ", "P7D", null),
                "reason too long", blockBody("x".repeat(1001), "P7D", null),
                "unknown duration", blockBody("Grund", "für immer", null),
                "zero duration", blockBody("Grund", "P0D", null));
        bad.forEach((what, body) -> {
            Api.Response response = block("leer", appointmentId, token, body);
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(422);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).as(what).endsWith("/invalid-block");
            assertThat(response.json().get("errors").get(0).get("message").asText()).as(what).matches(".*[äöüß ].*");
        });
        Api.Response malformed = block("leer", appointmentId, token, "{not json");
        assertThat(malformed.status()).isEqualTo(400);

        Api.Response foreign = block("leer", appointmentId, staff("heilbronn"), blockBody("Grund", "P7D", null));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(block("leer", appointmentId, null, blockBody("Grund", "P7D", null)).status()).isEqualTo(401);
        assertThat(block("leer", UUID.randomUUID().toString(), token, blockBody("Grund", "P7D", null)).status())
                .isEqualTo(404);

        assertThat(blocks()).isEqualTo(blocksBefore);
        assertThat(blockEvents()).isEqualTo(eventsBefore);
        assertThat(status("leer", appointmentId)).as("the appointment is untouched").isEqualTo("CONFIRMED");
    }

    @Test
    void tenantsWithoutAnEvidenceCategoryOfferNoBlocking() {
        String appointmentId = confirmed("heilbronn", email());
        int before = blocks();
        Api.Response response = block("heilbronn", appointmentId, staff("heilbronn"), blockBody("Grund", "P7D", null));
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).endsWith("/blocking-not-offered");
        assertThat(block("heilbronn", appointmentId, staff("heilbronn"), blockBody(null, "nie", "%")).status())
                .as("404 before input is looked at").isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/heilbronn/blocks", staff("heilbronn")).status()).isEqualTo(404);
        assertThat(blocks()).isEqualTo(before);
        assertThat(status("heilbronn", appointmentId)).isEqualTo("CONFIRMED");
    }

    // ---- staff pages ----

    HttpResponse<String> signedIn(PageClient browser, String tenant, String path) {
        HttpResponse<String> page = StaffPages.signedIn(browser, tenant, path, clock);
        assertThat(page.statusCode()).isEqualTo(200);
        return page;
    }

    static PageClient.FilePart file(String fileName, String type, byte[] bytes) {
        return new PageClient.FilePart("screenshot", fileName, type, bytes);
    }

    static String formAction(String html, String endsWith) {
        return StaffPages.formAction(html, endsWith);
    }

    static String csrfOf(String html, String action) {
        return StaffPages.csrfOf(html, action);
    }

    @Test
    void staffBlockAndLiftOnThePagesWithGermanMessagesForBadUploads() {
        String email = email();
        String appointmentId = confirmed("leer", email);
        PageClient browser = new PageClient(port);
        String path = "/leer/mitarbeiter/termine/" + appointmentId;
        HttpResponse<String> page = signedIn(browser, "leer", path);
        assertThat(page.body()).contains("Beenden und sperren wegen Missbrauchs", "enctype=\"multipart/form-data\"",
                "Diese E-Mail-Adresse ist nicht gesperrt.");
        String action = formAction(page.body(), "/sperren");
        int before = blocks();

        HttpResponse<String> notImage = browser.postMultipart(action, csrfOf(page.body(), action),
                Map.of("reason", "Beschimpfung", "duration", "P30D"),
                file("bild.png", "image/png", "GIF89a kein PNG".getBytes(StandardCharsets.UTF_8)));
        assertThat(notImage.statusCode()).isEqualTo(422);
        assertThat(notImage.body()).contains("Der Screenshot muss ein Bild im Format PNG oder JPEG sein.");

        HttpResponse<String> tooLarge = browser.postMultipart(action, csrfOf(notImage.body(), action),
                Map.of("reason", "Beschimpfung", "duration", "P30D"),
                file("gross.png", "image/png", Arrays.copyOf(png("gross"), 2 * 1024 * 1024 + 10)));
        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("Der Screenshot ist zu groß (höchstens 2 MB).");

        HttpResponse<String> noReason = browser.postMultipart(action, csrfOf(tooLarge.body(), action),
                Map.of("reason", "", "duration", "P30D"), null);
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Bitte nennen Sie den Grund der Sperre");

        HttpResponse<String> noCsrf = browser.postMultipart(action, null,
                Map.of("reason", "Beschimpfung", "duration", "P30D"), null);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(blocks()).as("nothing stored by refused uploads").isEqualTo(before);
        assertThat(status("leer", appointmentId)).isEqualTo("CONFIRMED");

        String reason = "Beschimpfung-" + UUID.randomUUID();
        HttpResponse<String> done = browser.postMultipart(action, csrfOf(noReason.body(), action),
                Map.of("reason", reason, "duration", "P30D"),
                file("beweis.jpg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, 0x01}));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.uri().getPath()).isEqualTo(path);
        assertThat(done.body()).contains("Der Termin ist beendet und die E-Mail-Adresse gesperrt.", "gesperrt bis",
                reason, "abgesagt");
        assertThat(blocks()).isEqualTo(before + 1);
        assertThat(status("leer", appointmentId)).isEqualTo("CANCELLED");

        // The citizen's booking page says so in German, without the evidence.
        PageClient citizen = new PageClient(port);
        JsonNode slot = BookingFixtures.freeSlot(api, "leer", SERVICE, clock.instant(), 1);
        String start = OffsetDateTime.parse(slot.get("start").asText()).atZoneSameInstant(BookingFixtures.BERLIN)
                .toLocalDateTime().toString();
        HttpResponse<String> form = citizen.get("/leer/termin/" + SERVICE + "/buchen?start=" + start);
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = citizen.post("/leer/termin/" + SERVICE + "/buchen", PageClient.csrf(form.body()),
                citizenFields(form.body(), email));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("wegen eines Verstoßes gegen die Nutzungsbedingungen derzeit keine")
                .doesNotContain(reason);

        // The list of blocks, and lifting one there.
        HttpResponse<String> list = browser.get("/leer/mitarbeiter/sperren");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Sperren wegen Missbrauchs", reason);
        String lift = formAction(done.body(), "/aufheben");
        assertThat(list.body()).contains(lift);
        HttpResponse<String> lifted = browser.post(lift, csrfOf(list.body(), lift), Map.of());
        assertThat(lifted.statusCode()).isEqualTo(200);
        assertThat(lifted.body()).contains("Die Sperre ist aufgehoben.").doesNotContain(reason);
        assertThat(browser.get(path).body()).contains("Diese E-Mail-Adresse ist nicht gesperrt.");

        HttpResponse<String> form2 = citizen.get("/leer/termin/" + SERVICE + "/buchen?start=" + start);
        HttpResponse<String> sent = citizen.post("/leer/termin/" + SERVICE + "/buchen", PageClient.csrf(form2.body()),
                citizenFields(form2.body(), email));
        assertThat(sent.uri().getPath()).as("booking works again after the lift").isEqualTo("/leer/termin/gesendet");
    }

    @Test
    void staffPagesOfTenantsWithoutTheCategoryShowNoBlockingForm() {
        String appointmentId = confirmed("heilbronn", email());
        PageClient browser = new PageClient(port);
        String path = "/heilbronn/mitarbeiter/termine/" + appointmentId;
        HttpResponse<String> page = signedIn(browser, "heilbronn", path);
        assertThat(page.body()).contains("Termin absagen").doesNotContain("sperren").doesNotContain("multipart");
        HttpResponse<String> post = browser.postMultipart(path + "/sperren", PageClient.csrf(page.body()),
                Map.of("reason", "Grund", "duration", "P7D"), null);
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(browser.get("/heilbronn/mitarbeiter/sperren").statusCode()).isEqualTo(404);
    }

    private static Map<String, String> citizenFields(String form, String email) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("start", hidden(form, "start"));
        fields.put("noticeVersion", hidden(form, "noticeVersion"));
        fields.put("termsVersion", hidden(form, "termsVersion"));
        fields.put("name", "Erika Mustermann");
        fields.put("email", email);
        fields.put("consent", "on");
        fields.put("termsAccepted", "on");
        fields.put("ageConfirmation", "ADULT");
        fields.put("pruefung", hidden(form, "pruefung"));
        Matcher question = Pattern.compile("Wie viel ist (\\d+) plus (\\d+)\\?").matcher(form);
        assertThat(question.find()).isTrue();
        fields.put("pruefantwort", String.valueOf(Integer.parseInt(question.group(1)) + Integer.parseInt(question.group(2))));
        return fields;
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden " + name).isTrue();
        return matcher.group(1);
    }
}
