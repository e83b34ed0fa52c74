package de.amtsraum.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.support.Api;
import de.amtsraum.support.ManifestFixtures;
import de.amtsraum.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PlatformTest
class TenantApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void listsTheFiveTenantsOfTheRepository() {
        var response = api.get("/api/v1/tenants");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().findValuesAsText("id"))
                .contains("coburg", "heilbronn", "helbra", "leer", "recklinghausen");
        assertThat(response.json().findValuesAsText("name")).contains("Landkreis Leer", "Stadt Recklinghausen");
    }

    @Test
    void showsThePublicProfileOfATenant() {
        JsonNode leer = api.get("/api/v1/tenants/leer").json();

        assertThat(leer.get("name").asText()).isEqualTo("Landkreis Leer");
        assertThat(leer.at("/address/city").asText()).contains("Leer");
        assertThat(leer.at("/supervisoryAuthority/name").asText()).contains("Niedersachsen");
        assertThat(leer.at("/dataProtectionOfficer/email").asText()).contains("@");
        assertThat(leer.at("/contact/email").asText()).contains("@");
        assertThat(leer.get("services").size()).isPositive();
        assertThat(leer.has("processors")).as("internal configuration is not public").isFalse();
    }

    @Test
    void answersAnUnknownTenantWithProblemDetails() {
        var response = api.get("/api/v1/tenants/atlantis");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("title").asText()).isEqualTo("Unknown tenant");
        assertThat(response.json().get("detail").asText()).doesNotContain("atlantis");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void answersAnUnknownPathWithProblemDetails() {
        var response = api.get("/api/v1/nothing-here", api.token("operator-dev", "dev"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void answersErrorsOutsideControllersWithProblemDetails() {
        var response = api.get("/error");

        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("trace").doesNotContain("Exception");
    }

    @Test
    void publishesAnOpenApiDocument() {
        var response = api.get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/paths").has("/api/v1/tenants/{tenant}")).isTrue();
        assertThat(response.json().at("/paths").has("/api/v1/operator/tenants/{tenant}")).isTrue();
    }

    @Test
    void reportsHealthUp() {
        assertThat(api.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void operatorOnboardsAChangesAndReappliesIdempotently() {
        String operator = api.token("operator-dev", "dev");
        String first = ManifestFixtures.requestBody("recklinghausen", "castrop", manifest ->
                manifest.put("name", "Stadt Castrop-Rauxel"));

        var onboarded = api.put("/api/v1/operator/tenants/castrop", operator, "application/json", first);
        assertThat(onboarded.status()).isEqualTo(201);
        assertThat(onboarded.json().get("outcome").asText()).isEqualTo("ONBOARDED");
        assertThat(api.get("/api/v1/tenants/castrop").json().get("name").asText()).isEqualTo("Stadt Castrop-Rauxel");
        int eventsAfterOnboarding = eventsOf("castrop");

        var again = api.put("/api/v1/operator/tenants/castrop", operator, "application/json", first);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(eventsOf("castrop")).isEqualTo(eventsAfterOnboarding);

        String changed = ManifestFixtures.requestBody("recklinghausen", "castrop", manifest ->
                manifest.put("name", "Stadt Castrop-Rauxel (Bürgerbüro)"));
        var change = api.put("/api/v1/operator/tenants/castrop", operator, "application/json", changed);
        assertThat(change.status()).isEqualTo(200);
        assertThat(change.json().get("outcome").asText()).isEqualTo("CHANGED");
        assertThat(change.json().get("revision").asInt()).isEqualTo(2);
        assertThat(eventsOf("castrop")).isEqualTo(eventsAfterOnboarding + 1);
        assertThat(api.get("/api/v1/tenants/castrop").json().get("name").asText())
                .isEqualTo("Stadt Castrop-Rauxel (Bürgerbüro)");
    }

    @Test
    void operatorCanSendTheCurrentManifestBackUnchanged() {
        String operator = api.token("operator-dev", "dev");
        JsonNode current = api.get("/api/v1/operator/tenants/heilbronn", operator).json();

        var response = api.put("/api/v1/operator/tenants/heilbronn", operator, "application/json",
                current.get("manifest").toString());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(response.json().get("manifestHash").asText()).isEqualTo(current.get("manifestHash").asText());
    }

    @Test
    void operatorMayOnboardFromYaml() throws Exception {
        String json = ManifestFixtures.requestBody("helbra", "wippra", manifest -> { });
        String yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));

        var response = api.put("/api/v1/operator/tenants/wippra", api.token("operator-dev", "dev"),
                "application/yaml", yaml);

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void refusesAnInvalidManifestNamingFieldAndAppliesNothing() {
        String operator = api.token("operator-dev", "dev");
        String before = api.get("/api/v1/tenants/leer").body();
        int eventsBefore = eventsOf("leer");
        String invalid = ManifestFixtures.requestBody("leer", "leer", manifest -> {
            manifest.put("name", "Renamed but broken");
            ((ObjectNode) manifest.get("dataCategories").get(0).get("retention").get(0)).put("after", "soon");
        });

        var response = api.put("/api/v1/operator/tenants/leer", operator, "application/json", invalid);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo("request body");
        assertThat(error.get("field").asText()).isEqualTo("dataCategories[0].retention[0].after");
        assertThat(error.get("reason").asText()).isNotBlank();
        assertThat(api.get("/api/v1/tenants/leer").body()).isEqualTo(before);
        assertThat(eventsOf("leer")).isEqualTo(eventsBefore);
    }

    @Test
    void refusesABodyWhoseIdDiffersFromThePath() {
        String body = ManifestFixtures.requestBody("leer", "leer", manifest -> { });

        var response = api.put("/api/v1/operator/tenants/other", api.token("operator-dev", "dev"),
                "application/json", body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
    }

    @Test
    void refusesMalformedJsonWithProblemDetails() {
        var response = api.put("/api/v1/operator/tenants/leer", api.token("operator-dev", "dev"),
                "application/json", "{\"id\": ");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("reason").asText()).contains("not valid YAML/JSON");
    }

    @Test
    void operatorApiRefusesAnonymousCallers() {
        var response = api.put("/api/v1/operator/tenants/leer", null, "application/json", "{}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void operatorApiRefusesTenantTokens() {
        String tenantToken = api.token("leer-dev", "dev");

        assertThat(api.get("/api/v1/operator/tenants", tenantToken).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/operator/tenants/leer", tenantToken, "application/json",
                ManifestFixtures.requestBody("leer", "leer", m -> m.put("name", "Hijacked"))).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tenants/leer").json().get("name").asText()).isEqualTo("Landkreis Leer");
    }

    @Test
    void tenantTokenReadsItsOwnTenantOnly() {
        String heilbronn = api.token("heilbronn-dev", "dev");

        var own = api.get("/api/v1/tenants/heilbronn/manifest", heilbronn);
        var foreign = api.get("/api/v1/tenants/coburg/manifest", heilbronn);

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().at("/manifest/id").asText()).isEqualTo("heilbronn");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.body()).doesNotContain("Coburg");
    }

    @Test
    void operatorTokenDoesNotOpenTenantInternals() {
        assertThat(api.get("/api/v1/tenants/heilbronn/manifest", api.token("operator-dev", "dev")).status())
                .isEqualTo(403);
    }

    @Test
    void issuesNoTokenForUnknownClientsOrWrongSecrets() {
        assertThat(api.tokenResponse("atlantis-dev", "dev").status()).isEqualTo(401);
        assertThat(api.tokenResponse("operator-dev", "wrong").status()).isEqualTo(401);
    }

    @Test
    void sendsSecurityHeadersAndNoCookie() {
        var response = api.get("/api/v1/tenants");

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'")
                        .contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    private int eventsOf(String tenant) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, tenant);
    }
}
