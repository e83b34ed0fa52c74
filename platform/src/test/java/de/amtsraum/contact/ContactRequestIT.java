package de.amtsraum.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.RetentionDeadlines;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.Api;
import de.amtsraum.support.CapturedMail;
import de.amtsraum.support.ContactFixtures;
import de.amtsraum.support.ManifestFixtures;
import java.util.List;
import de.amtsraum.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PlatformTest
class ContactRequestIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RetentionDeadlines retention;
    @Autowired
    RuntimeProperties runtime;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static ObjectNode form(String email) {
        return ContactFixtures.form(email);
    }

    private String submit(ObjectNode form) {
        var response = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json", form.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("id").asText();
    }

    @Test
    void staffReadTheRequestWhileTheDatabaseHoldsOnlyCiphertext() {
        String email = "erika-" + UUID.randomUUID() + "@example.org";
        String id = submit(form(email));

        JsonNode request = api.get("/api/v1/tenants/helbra/contact-requests/" + id, staff("helbra")).json();
        assertThat(request.get("email").asText()).isEqualTo(email);
        assertThat(request.get("lastName").asText()).isEqualTo("Mustermann");
        assertThat(request.get("status").asText()).isEqualTo("OPEN");
        assertThat(request.has("ipAddress")).as("edge data is not shown to staff").isFalse();

        Map<String, Object> row = jdbc.queryForMap("select * from contact_request where request_id = ?", id);
        assertThat(row.get("email").toString()).startsWith("ar1:contact-request:").doesNotContain(email);
        assertThat(row.get("ip_address").toString()).startsWith("ar1:submission-technical-data:");
        assertThat(jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, id)).singleElement()
                .satisfies(payload -> assertThat(new String(payload)).doesNotContain(email).contains("ar2:contact-request:"));
    }

    @Test
    void confirmsByMailWithAWithdrawalLinkThatErasesAtOnce() {
        String email = "withdraw-" + UUID.randomUUID() + "@example.org";
        String id = submit(form(email));
        String mail = CapturedMail.latestTo(runtime.resolve("mail"), email).orElseThrow();
        String token = CapturedMail.parameter(mail, "token").orElseThrow();
        assertThat(mail).doesNotContain("Straßenreinigung");

        var withdrawn = api.post("/api/v1/tenants/helbra/contact-request-withdrawals", null, "application/json",
                "{\"token\":\"" + token + "\"}");

        assertThat(withdrawn.status()).isEqualTo(204);
        JsonNode request = api.get("/api/v1/tenants/helbra/contact-requests/" + id, staff("helbra")).json();
        assertThat(request.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(request.get("email").asText()).isEqualTo(Redaction.VALUE);
        assertThat(request.get("message").asText()).isEqualTo(Redaction.VALUE);
        assertThat(api.post("/api/v1/tenants/helbra/contact-request-withdrawals", null, "application/json",
                "{\"token\":\"" + token + "\"}").status()).as("second withdrawal is harmless").isEqualTo(204);
    }

    @Test
    void concludingStartsHelbrasRetentionRuleAndTheDataIsShredded() {
        String email = "conclude-" + UUID.randomUUID() + "@example.org";
        String id = submit(form(email));

        var concluded = api.post("/api/v1/tenants/helbra/contact-requests/" + id + "/conclude", staff("helbra"),
                "application/json", "");
        assertThat(concluded.status()).isEqualTo(200);
        assertThat(concluded.json().get("concludedNow").asBoolean()).isTrue();
        retention.runDue();

        JsonNode request = api.get("/api/v1/tenants/helbra/contact-requests/" + id, staff("helbra")).json();
        assertThat(request.get("status").asText()).isEqualTo("CONCLUDED");
        assertThat(request.get("lastName").asText()).isEqualTo(Redaction.VALUE);
        assertThat(request.get("email").asText()).isEqualTo(Redaction.VALUE);
        assertThat(jdbc.queryForObject("select count(*) from shredded_key where tenant_id = 'helbra' and subject_id = "
                + "(select subject_id from contact_request where request_id = ?)", Integer.class, id)).isEqualTo(2);
        assertThat(api.post("/api/v1/tenants/helbra/contact-requests/" + id + "/conclude", staff("helbra"),
                "application/json", "").json().get("concludedNow").asBoolean()).as("aggregate still loads").isFalse();
    }

    @Test
    void refusesMissingFieldsNamingEachInGerman() {
        ObjectNode form = form("x@example.org");
        form.remove("lastName");
        form.put("message", " ");
        form.put("consent", false);

        var response = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json", form.toString());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "lastName", "message", "consent");
        assertThat(response.json().get("errors").get(0).get("message").asText()).startsWith("Bitte");
        assertNothingStored(() -> api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json",
                form.toString()));
    }

    @Test
    void acceptsOnlyTheFieldsTheTenantsManifestCollects() {
        String operator = api.token("operator-dev", "dev");
        String manifest = ManifestFixtures.requestBody("helbra", "wenigdaten", m ->
                ((ObjectNode) m.get("contactForm")).putArray("optionalFields"));
        assertThat(api.put("/api/v1/operator/tenants/wenigdaten", operator, "application/json", manifest).status())
                .isIn(200, 201);

        var response = api.post("/api/v1/tenants/wenigdaten/contact-requests", null, "application/json",
                form("minimal@example.org").toString());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("street", "houseNumber", "postalCode", "town");
        ObjectNode minimal = form("minimal@example.org");
        minimal.remove(List.of("street", "houseNumber", "postalCode", "town"));
        assertThat(api.post("/api/v1/tenants/wenigdaten/contact-requests", null, "application/json",
                minimal.toString()).status()).isEqualTo(202);
    }

    @Test
    void refusesAnInvalidEmail() {
        var response = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json",
                form("not-an-address").toString());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("email");
    }

    @Test
    void refusesAOneMegabyteMessageAndStoresNothing() {
        ObjectNode form = form("big@example.org").put("message", "x".repeat(1024 * 1024));

        assertNothingStored(() -> {
            var response = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json",
                    form.toString());
            assertThat(response.status()).isIn(413, 422);
            assertThat(response.contentType()).startsWith("application/problem+json");
        });
    }

    @Test
    void refusesTheWrongContentType() {
        var response = api.post("/api/v1/tenants/helbra/contact-requests", null, "text/plain", "Hallo");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesMalformedJson() {
        var response = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json", "{\"lastName\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAnUnknownTenant() {
        var response = api.post("/api/v1/tenants/atlantis/contact-requests", null, "application/json",
                form("a@example.org").toString());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("title").asText()).isEqualTo("Unknown tenant");
    }

    @Test
    void refusesATenantWithoutTheFeature() {
        var response = api.post("/api/v1/tenants/recklinghausen/contact-requests", null, "application/json",
                form("a@example.org").toString());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("title").asText()).isEqualTo("No contact form");
    }

    @Test
    void refusesAForgedOrForeignWithdrawalToken() {
        String email = "forged-" + UUID.randomUUID() + "@example.org";
        String id = submit(form(email));
        String token = CapturedMail.parameter(CapturedMail.latestTo(runtime.resolve("mail"), email).orElseThrow(),
                "token").orElseThrow();

        assertThat(api.post("/api/v1/tenants/helbra/contact-request-withdrawals", null, "application/json",
                "{\"token\":\"" + token.substring(0, token.length() - 2) + "xx\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/tenants/leer/contact-request-withdrawals", null, "application/json",
                "{\"token\":\"" + token + "\"}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/helbra/contact-requests/" + id, staff("helbra")).json()
                .get("email").asText()).isEqualTo(email);
    }

    @Test
    void staffOfAnotherTenantSeeNothing() {
        String id = submit(form("iso-" + UUID.randomUUID() + "@example.org"));

        assertThat(api.get("/api/v1/tenants/helbra/contact-requests/" + id, staff("leer")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tenants/helbra/contact-requests", staff("leer")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tenants/helbra/contact-requests", null).status()).isEqualTo(401);
    }

    private String staff(String tenant) {
        return api.token(tenant + "-dev", "dev");
    }

    private void assertNothingStored(Runnable attempt) {
        int events = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        int rows = jdbc.queryForObject("select count(*) from contact_request", Integer.class);
        int keys = jdbc.queryForObject("select count(*) from subject_key", Integer.class);
        attempt.run();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from contact_request", Integer.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("select count(*) from subject_key", Integer.class)).isEqualTo(keys);
    }
}
