package de.amtsraum.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.AccountFixtures;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.ContactFixtures;
import de.amtsraum.support.Forensics;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Offboarding through the operator API, checked forensically: a tenant onboarded for the test gets a
 * contact request, a confirmed appointment and a citizen account, each field a unique canary; after
 * offboarding no canary is in a dump or on disk (there never was: only ciphertext is written), and —
 * the decisive part — nothing of the tenant can be opened any more: its events read through the event
 * store show the redaction value, its read models hold nothing readable, its KEK file and wrapped keys
 * are gone. Helbra, offboarded nowhere, keeps its data. Plus suspension, resumption, authorisation and
 * bad input of the life-cycle API.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class TenantOffboardingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;

    /** A fresh tenant id per test run, onboarded from the test manifest through the operator API. */
    private String onboard(Api api, String operator) throws Exception {
        String tenant = "abschied-" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
        String manifest = Files.readString(UploadedManifestTest.VALID, StandardCharsets.UTF_8)
                .replace("id: musterstadt", "id: " + tenant);
        var onboarded = api.put("/api/v1/operator/tenants/" + tenant, operator, "application/yaml", manifest);
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        return tenant;
    }

    private Api.Response offboard(Api api, String token, String tenant, String body) {
        return api.post("/api/v1/operator/tenants/" + tenant + "/offboarding", token, "application/json", body);
    }

    private static String confirm(String tenant) {
        return JSON.createObjectNode().put("confirm", tenant).toString();
    }

    @Test
    void offboardingMakesEveryPersonalFieldOfTheTenantUnreadable(CapturedOutput output) throws Exception {
        Api api = new Api(port);
        String operator = api.token("operator-dev", "dev");
        String tenant = onboard(api, operator);
        String staff = api.token(tenant + "-dev", "dev");
        String mark = UUID.randomUUID().toString().replace("-", "");
        List<String> canaries = new ArrayList<>();

        // A contact request, every field but the postal code a canary.
        ObjectNode contact = ContactFixtures.form("kontakt" + mark + "@example.org");
        contact.put("lastName", "Canarylast" + mark).put("firstName", "Canaryfirst" + mark)
                .put("message", "Canarymessage " + mark).put("street", "Canarystreet" + mark)
                .put("town", "Canarytown" + mark);
        List.of("lastName", "firstName", "message", "street", "town", "email")
                .forEach(field -> canaries.add(contact.get(field).asText()));
        var submitted = api.post("/api/v1/tenants/" + tenant + "/contact-requests", null, "application/json",
                contact.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String contactId = submitted.json().get("id").asText();
        assertThat(api.get("/api/v1/tenants/" + tenant + "/contact-requests/" + contactId, staff).body())
                .contains("Canarylast" + mark);

        // A confirmed appointment.
        JsonNode slot = BookingFixtures.freeSlot(api, tenant, "wohnsitz-anmelden", clock.instant(), 1);
        ObjectNode booking = BookingFixtures.recklinghausen("wohnsitz-anmelden", slot.get("start").asText(),
                "termin" + mark + "@example.org");
        booking.remove("phone");
        booking.put("termsAccepted", true);
        booking.put("name", "Canaryname" + mark).put("concern", "Canaryconcern " + mark);
        List.of("name", "concern", "email").forEach(field -> canaries.add(booking.get(field).asText()));
        String appointmentId = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), tenant, booking);
        assertThat(api.get("/api/v1/tenants/" + tenant + "/appointments/" + appointmentId, staff).body())
                .contains("Canaryconcern " + mark);

        // A verified citizen account.
        String username = "canaryuser" + mark.substring(0, 20);
        String accountEmail = "konto" + mark + "@example.org";
        canaries.addAll(List.of(username, accountEmail));
        PageClient citizen = new PageClient(port);
        var registerPage = citizen.get("/" + tenant + "/konto/registrieren");
        Map<String, String> fields = new java.util.LinkedHashMap<>(
                AccountFixtures.registration(registerPage.body(), username, accountEmail));
        fields.put("termsAccepted", "on");
        fields.put("termsVersion", AccountFixtures.hidden(registerPage.body(), "termsVersion"));
        var registered = citizen.post("/" + tenant + "/konto/registrieren", PageClient.csrf(registerPage.body()), fields);
        assertThat(registered.uri().getPath()).as(registered.body()).endsWith("/konto/registriert");
        assertThat(AccountFixtures.verify(citizen, runtime.resolve("mail"), tenant, accountEmail).body())
                .contains("Ihre E-Mail-Adresse ist bestätigt");
        Map<String, Object> account = AccountFixtures.row(jdbc, cipher, tenant, username);

        // Another tenant's data, which must stay readable.
        ObjectNode other = ContactFixtures.form("andere" + mark + "@example.org").put("lastName", "Otherlast" + mark);
        var otherSubmitted = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json", other.toString());
        assertThat(otherSubmitted.status()).isEqualTo(202);
        String otherId = otherSubmitted.json().get("id").asText();

        Path kek = runtime.resolve("kek").resolve(tenant + ".json");
        assertThat(kek).exists();
        assertThat(wrappedKeys(tenant)).isPositive();

        // Refused: tenant admin and staff tokens, a wrong confirmation, an unknown tenant. Nothing happens.
        assertThat(offboard(api, staff, tenant, confirm(tenant)).status()).isEqualTo(403);
        assertThat(offboard(api, api.token("helbra-dev", "dev"), tenant, confirm(tenant)).status()).isEqualTo(403);
        var wrong = offboard(api, operator, tenant, confirm("helbra"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("type").asText()).endsWith("/offboarding-not-confirmed");
        assertThat(offboard(api, operator, tenant, "{}").status()).isEqualTo(422);
        assertThat(offboard(api, operator, tenant, "{not json").status()).isEqualTo(400);
        assertThat(offboard(api, operator, "nirgendwo", confirm("nirgendwo")).status()).isEqualTo(404);
        assertThat(kek).exists();
        assertThat(api.get("/api/v1/tenants/" + tenant + "/contact-requests/" + contactId, staff).body())
                .contains("Canarylast" + mark);

        var offboarded = offboard(api, operator, tenant, confirm(tenant));
        assertThat(offboarded.status()).as(offboarded.body()).isEqualTo(200);
        assertThat(offboarded.json().get("status").asText()).isEqualTo("OFFBOARDED");
        assertThat(offboarded.json().get("changed").asBoolean()).isTrue();
        var again = offboard(api, operator, tenant, confirm(tenant));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("changed").asBoolean()).isFalse();

        // The keys: KEK file and wrapped data keys gone; each key's shred recorded.
        assertThat(kek).doesNotExist();
        assertThat(wrappedKeys(tenant)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from shredded_key where tenant_id = ? and cause = 'OFFBOARDING'",
                Integer.class, tenant)).isPositive();

        // The events, read through the event store: every personal field reads as the redaction value.
        for (String aggregate : List.of(contactId, appointmentId, (String) account.get("account_id"))) {
            List<String> payloads = eventStore.readEvents(aggregate).asStream()
                    .map(DomainEventMessage::getPayload).map(payload -> {
                        try {
                            return JSON.findAndRegisterModules().writeValueAsString(payload);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
            assertThat(payloads).as("events of " + aggregate).isNotEmpty();
            assertThat(String.join("\n", payloads)).as("events of " + aggregate)
                    .contains(Redaction.VALUE).doesNotContain(canaries.toArray(String[]::new));
        }

        // The read models: nothing readable (purged on the shred events), nothing opens.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select last_name from contact_request where request_id = ?",
                    String.class, contactId)).isEqualTo(Redaction.VALUE);
            assertThat(jdbc.queryForObject("select concern from appointment where appointment_id = ?",
                    String.class, appointmentId)).isEqualTo(Redaction.VALUE);
            assertThat(jdbc.queryForObject("select username from citizen_account where account_id = ?",
                    String.class, account.get("account_id"))).isEqualTo(Redaction.VALUE);
        });
        assertThat(cipher.open(tenant, (String) account.get("subject_id"), "username", (String) account.get("username")))
                .isEqualTo(Redaction.VALUE);

        // Forensics: no canary in the dump, on disk or in the log.
        checkpoint();
        assertThat(Forensics.inDump(Forensics.dump(dataSource), canaries)).isEmpty();
        assertThat(Forensics.onDisk(runtime.resolve("postgres"), canaries)).isEmpty();
        assertThat(Forensics.onDisk(runtime.resolve("kek"), canaries)).isEmpty();
        assertThat(output.getAll()).doesNotContain(canaries.toArray(String[]::new));

        // The tenant is gone for citizens and clients; its id cannot come back.
        var page = new PageClient(port).get("/" + tenant + "/kontakt");
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Nicht mehr verfügbar");
        var apiGone = api.get("/api/v1/tenants/" + tenant + "/services");
        assertThat(apiGone.status()).isEqualTo(410);
        assertThat(apiGone.contentType()).startsWith("application/problem+json");
        String manifest = Files.readString(UploadedManifestTest.VALID, StandardCharsets.UTF_8)
                .replace("id: musterstadt", "id: " + tenant);
        var reonboard = api.put("/api/v1/operator/tenants/" + tenant, operator, "application/yaml", manifest);
        assertThat(reonboard.status()).isEqualTo(409);
        assertThat(reonboard.json().get("type").asText()).endsWith("/tenant-offboarded");
        assertThat(api.post("/api/v1/operator/tenants/" + tenant + "/suspension", operator, "application/json", "")
                .status()).isEqualTo(409);
        JsonNode listed = api.get("/api/v1/operator/tenants", operator).json();
        assertThat(listed.findValues("id").stream().map(JsonNode::asText)).contains(tenant);

        // Other tenants are untouched.
        assertThat(runtime.resolve("kek").resolve("helbra.json")).exists();
        assertThat(api.get("/api/v1/tenants/helbra/contact-requests/" + otherId, api.token("helbra-dev", "dev")).body())
                .contains("Otherlast" + mark);
    }

    @Test
    void suspensionClosesTheTenantWithoutLosingAnythingAndResumptionReopensIt() throws Exception {
        Api api = new Api(port);
        String operator = api.token("operator-dev", "dev");
        String tenant = onboard(api, operator);
        String staff = api.token(tenant + "-dev", "dev");
        var submitted = api.post("/api/v1/tenants/" + tenant + "/contact-requests", null, "application/json",
                ContactFixtures.form("pause@example.org").toString());
        assertThat(submitted.status()).isEqualTo(202);
        String contactId = submitted.json().get("id").asText();

        var suspended = api.post("/api/v1/operator/tenants/" + tenant + "/suspension", operator, "application/json", "");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(api.post("/api/v1/operator/tenants/" + tenant + "/suspension", operator, "application/json", "")
                .json().get("changed").asBoolean()).isFalse();

        var profile = api.get("/api/v1/tenants/" + tenant);
        assertThat(profile.status()).isEqualTo(503);
        assertThat(profile.contentType()).startsWith("application/problem+json");
        assertThat(profile.json().get("type").asText()).endsWith("/tenant-suspended");
        assertThat(api.get("/api/v1/tenants/" + tenant + "/contact-requests/" + contactId, staff).status()).isEqualTo(503);
        var page = new PageClient(port).get("/" + tenant + "/kontakt");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("vorübergehend nicht verfügbar");
        assertThat(new PageClient(port).get("/helbra/kontakt").statusCode()).isEqualTo(200);
        assertThat(runtime.resolve("kek").resolve(tenant + ".json")).exists();

        var resumed = api.delete("/api/v1/operator/tenants/" + tenant + "/suspension", operator);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(api.delete("/api/v1/operator/tenants/" + tenant + "/suspension", operator).json().get("changed")
                .asBoolean()).isFalse();
        assertThat(api.get("/api/v1/tenants/" + tenant + "/contact-requests/" + contactId, staff).body())
                .contains("Mustermann");
        assertThat(new PageClient(port).get("/" + tenant + "/kontakt").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyOperatorsChangeATenantsLifeCycle() {
        Api api = new Api(port);
        String path = "/api/v1/operator/tenants/leer/suspension";
        assertThat(api.post(path, null, "application/json", "").status()).isEqualTo(401);
        assertThat(api.post(path, api.token("leer-dev", "dev"), "application/json", "").status()).isEqualTo(403);
        assertThat(api.delete(path, api.token("heilbronn-dev", "dev")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/operator/tenants/leer/offboarding", api.token("leer-dev", "dev"), "application/json",
                confirm("leer")).status()).isEqualTo(403);
        var unknown = api.post("/api/v1/operator/tenants/nirgendwo/suspension", api.token("operator-dev", "dev"),
                "application/json", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(new PageClient(port).get("/leer/termin").statusCode()).isEqualTo(200);
    }

    private int wrappedKeys(String tenant) {
        return jdbc.queryForObject("select count(*) from subject_key where tenant_id = ?", Integer.class, tenant);
    }

    private void checkpoint() {
        jdbc.execute("CHECKPOINT");
    }
}
