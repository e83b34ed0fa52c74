package de.amtsraum.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.CapturedMail;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole log output (stdout and stderr, as shipped) of a full flow holds no personal data and no
 * secret: a contact request over the API and the page with withdrawal, staff reading it, a booking
 * in Recklinghausen over the API with confirmation, lookup and cancellation, and failing requests
 * that carry personal data. The request log of the same flow has the client's 127.0.0.1 only as
 * 127.0.0.0 and no query strings or tokens.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RE = "/api/v1/tenants/recklinghausen";
    private static final String AUSWEIS = "personalausweis-beantragen";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    RequestLogs requestLogs;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFullFlowLeavesNoPersonalDataOrTokenInTheLogs(CapturedOutput output) {
        Api api = new Api(port);
        requestLogs.flush();
        // A clock instant of this test alone marks its request-log rows (the test clock stands still).
        Instant marker = clock.instant().plusMillis(3);
        clock.set(marker);
        int from = output.getAll().length();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> secrets = new ArrayList<>();

        // Contact request over the API; staff read and conclude it.
        ObjectNode contact = JSON.createObjectNode();
        contact.put("lastName", "Quaddelmeier").put("firstName", "Wunibald")
                .put("email", "wunibald.quaddelmeier." + run + "@example.org")
                .put("message", "Rückfrage zu meinem Antrag, Aktenzeichen Zwiebelturm-4711")
                .put("street", "Holunderstieg").put("houseNumber", "7").put("postalCode", "06311").put("town", "Helbra")
                .put("consent", true);
        secrets.addAll(List.of("Quaddelmeier", "Wunibald", contact.get("email").asText(), "Zwiebelturm-4711", "Holunderstieg"));
        Api.Response submitted = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json",
                contact.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String staff = api.token("helbra-dev", "dev");
        secrets.add(staff);
        String id = submitted.json().get("id").asText();
        assertThat(api.get("/api/v1/tenants/helbra/contact-requests/" + id, staff).body()).contains("Quaddelmeier");
        assertThat(api.post("/api/v1/tenants/helbra/contact-requests/" + id + "/conclude", staff, "application/json", "")
                .status()).isBetween(200, 204);
        String apiWithdrawal = CapturedMail.parameter(CapturedMail.latestTo(runtime.resolve("mail"),
                contact.get("email").asText()).orElseThrow(), "token").orElseThrow();
        secrets.add(apiWithdrawal);

        // A contact request that fails validation, with personal data in it.
        ObjectNode invalid = contact.deepCopy();
        invalid.put("lastName", "Kratzenberger").put("email", "kratzenberger.amalie@@example");
        secrets.addAll(List.of("Kratzenberger", "kratzenberger.amalie@@example"));
        assertThat(api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json", invalid.toString())
                .status()).isEqualTo(422);

        // The contact page, an invalid post, a valid one, withdrawal through the mail link.
        PageClient browser = new PageClient(port);
        HttpResponse<String> page = browser.get("/helbra/kontakt");
        String pageEmail = "ottilie.brummelkamp." + run + "@example.org";
        secrets.addAll(List.of("Brummelkamp", "Ottilie", pageEmail, "ottilie@invalid"));
        Map<String, String> wrong = new LinkedHashMap<>(Map.of("lastName", "Brummelkamp", "firstName", "Ottilie",
                "email", "ottilie@invalid", "message", "Bitte rufen Sie mich an.", "consent", "on"));
        HttpResponse<String> refused = browser.post("/helbra/kontakt", PageClient.csrf(page.body()), wrong);
        assertThat(refused.statusCode()).isEqualTo(422);
        Map<String, String> right = new LinkedHashMap<>(wrong);
        right.put("email", pageEmail);
        HttpResponse<String> sent = browser.post("/helbra/kontakt", PageClient.csrf(refused.body()), right);
        assertThat(sent.statusCode()).isEqualTo(200);
        String withdrawal = CapturedMail.parameter(CapturedMail.latestTo(runtime.resolve("mail"), pageEmail).orElseThrow(),
                "token").orElseThrow();
        secrets.add(withdrawal);
        HttpResponse<String> confirm = browser.get("/helbra/kontakt/widerruf?token=" + withdrawal);
        assertThat(browser.post("/helbra/kontakt/widerruf", PageClient.csrf(confirm.body()), Map.of("token", withdrawal))
                .statusCode()).isEqualTo(200);
        browser.cookies.values().forEach(secrets::add);

        // Booking in Recklinghausen over the API: book, confirm, look up, cancel; and failures.
        String bookingEmail = "kasimir.pfefferkorn." + run + "@example.org";
        secrets.addAll(List.of("Kasimir", "Pfefferkorn", bookingEmail, "555-1234"));
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", AUSWEIS, clock.instant(), 1);
        ObjectNode booking = BookingFixtures.recklinghausen(AUSWEIS, slot.get("start").asText(), bookingEmail);
        booking.put("name", "Kasimir Pfefferkorn").put("phone", "02361 555-1234");
        Api.Response booked = BookingFixtures.book(api, "recklinghausen", booking);
        assertThat(booked.status()).as(booked.body()).isEqualTo(202);
        String confirmation = BookingFixtures.parameter(BookingFixtures.text(BookingFixtures.mailWithSubject(
                runtime.resolve("mail"), bookingEmail, "Bitte bestätigen").orElseThrow()), "token").orElseThrow();
        secrets.add(confirmation);
        assertThat(api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(confirmation)).status()).isEqualTo(200);
        assertThat(api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(confirmation)).status()).as("second confirmation").isEqualTo(409);
        String manage = BookingFixtures.parameter(BookingFixtures.text(BookingFixtures.mailWithSubject(
                runtime.resolve("mail"), bookingEmail, "Terminbestätigung").orElseThrow()), "token").orElseThrow();
        secrets.add(manage);
        assertThat(api.post(RE + "/appointment-lookups", null, "application/json", BookingFixtures.token(manage))
                .body()).contains("Pfefferkorn");
        assertThat(api.post(RE + "/appointment-cancellations", null, "application/json", BookingFixtures.token(manage))
                .status()).isEqualTo(200);
        // Booking mail goes out after the commit on another thread: wait for the last one, so its log
        // lines fall into the captured window too.
        assertThat(BookingFixtures.mailWithSubject(runtime.resolve("mail"), bookingEmail, "Ihr Termin ist abgesagt"))
                .isPresent();
        ObjectNode notASlot = booking.deepCopy();
        notASlot.remove("proofOfWork");
        notASlot.put("start", OffsetDateTime.parse(slot.get("start").asText()).plusMinutes(1).toString());
        assertThat(BookingFixtures.book(api, "recklinghausen", notASlot).status()).as("not a slot").isBetween(400, 499);
        assertThat(api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(manage + "x")).status()).as("forged token").isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/helbra/contact-requests/" + id, api.token("leer-dev", "dev")).status())
                .as("foreign tenant").isEqualTo(403);
        assertThat(browser.get("/recklinghausen/termin/verwalten?token=" + manage).statusCode()).isEqualTo(200);

        requestLogs.flush();
        String logs = output.getAll().substring(from);

        assertThat(logs).as("some log output was captured").isNotBlank();
        for (String secret : secrets) {
            assertThat(logs).as("logs contain a secret or personal value").doesNotContain(secret);
        }
        assertThat(logs).as("full client IP").doesNotContain("127.0.0.1");
        // Message-IDs (<random uuid@host>) are logged on purpose and look like addresses.
        assertThat(logs.replaceAll("<[0-9a-f-]{36}@[A-Za-z0-9.-]+>", "<message-id>")).as("any e-mail address")
                .doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
        assertThat(logs).as("query strings").doesNotContain("token=", "?start=", "?monat=");

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select tenant_id, method, path_template, status, ip, browser, os from request_log where at = ?",
                marker.atOffset(ZoneOffset.UTC));
        assertThat(rows).as("the flow's requests are logged").hasSizeGreaterThan(15);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("ip")).isEqualTo("127.0.0.0");
            String template = (String) row.get("path_template");
            assertThat(template).doesNotContain("?", "=", "@", id);
            secrets.forEach(secret -> assertThat(template).doesNotContain(secret));
        });
        assertThat(rows).extracting(row -> row.get("path_template") + " " + row.get("status"))
                .contains("/api/v1/tenants/{tenant}/contact-requests 202", "/api/v1/tenants/{tenant}/contact-requests 422",
                        "/api/v1/tenants/{tenant}/contact-requests/{id} 200",
                        "/api/v1/tenants/{tenant}/contact-requests/{_} 403", "/{tenant}/kontakt 422",
                        "/{tenant}/kontakt/widerruf 200", "/api/v1/tenants/{tenant}/appointment-confirmations 409",
                        "/api/v1/tenants/{tenant}/appointment-confirmations 404", "/{tenant}/termin/verwalten 200");
        assertThat(rows).filteredOn(row -> row.get("path_template").toString().contains("appointment"))
                .allSatisfy(row -> assertThat(row.get("tenant_id")).isEqualTo("recklinghausen"));
        clock.advance(Duration.ofMillis(1));
    }
}
