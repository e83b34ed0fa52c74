package de.amtsraum.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.support.Api;
import de.amtsraum.support.PlatformTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The isolation matrix, derived from the OpenAPI document so that a new endpoint is covered the
 * day it appears: every protected operation refuses anonymous callers; every operation under a
 * tenant refuses another tenant's token without showing that tenant's data; the operator API
 * refuses tenant tokens. An operation without a security requirement must be listed in PUBLIC,
 * so opening an endpoint to the world is always a visible decision.
 */
@PlatformTest
class TenantIsolationIT {

    /** Operations deliberately open to anyone (method + path template). */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/tenants",
            "GET /api/v1/tenants/{tenant}",
            "GET /api/v1/tenants/{tenant}/challenge",
            "POST /api/v1/tenants/{tenant}/contact-requests",
            "POST /api/v1/tenants/{tenant}/contact-request-withdrawals",
            "GET /api/v1/tenants/{tenant}/services",
            "GET /api/v1/tenants/{tenant}/services/{service}",
            "GET /api/v1/tenants/{tenant}/services/{service}/slots",
            "POST /api/v1/tenants/{tenant}/appointments",
            "POST /api/v1/tenants/{tenant}/appointment-confirmations",
            "POST /api/v1/tenants/{tenant}/appointment-lookups",
            "POST /api/v1/tenants/{tenant}/appointment-cancellations",
            "POST /api/v1/tenants/{tenant}/appointment-reschedulings",
            // No bearer token: LiveKit signs each call (JWT over the body's SHA-256 with the API secret);
            // the video module refuses a missing or wrong signature with 401 (LiveKitIT).
            "POST /api/v1/livekit/webhook");

    private static final String VICTIM = "helbra";
    private static final String ATTACKER = "leer";

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    de.amtsraum.runtime.RuntimeProperties runtime;

    Api api;
    final HttpClient http = HttpClient.newHttpClient();

    record Operation(String method, String path, boolean secured) {
        String key() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void everyOperationIsEitherDeliberatelyPublicOrSecured() {
        List<Operation> operations = operations();

        assertThat(operations).isNotEmpty();
        assertThat(operations).allSatisfy(operation -> assertThat(operation.secured() || PUBLIC.contains(operation.key()))
                .as(operation.key() + " has no security requirement and is not listed as public").isTrue());
    }

    @Test
    void securedOperationsRefuseAnonymousCallers() throws Exception {
        for (Operation operation : secured()) {
            HttpResponse<String> response = call(operation, null);
            assertThat(response.statusCode()).as(operation.key()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(operation.key())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void tenantOperationsRefuseAnotherTenantsToken() throws Exception {
        String attacker = api.token(ATTACKER + "-dev", "dev");
        String victimName = api.get("/api/v1/tenants/" + VICTIM).json().get("name").asText();
        List<Operation> tenantOperations = secured().stream().filter(op -> op.path().contains("{tenant}"))
                .filter(op -> !op.path().startsWith("/api/v1/operator/")).toList();

        assertThat(tenantOperations).isNotEmpty();
        for (Operation operation : tenantOperations) {
            HttpResponse<String> response = call(operation, attacker);
            assertThat(response.statusCode()).as(operation.key()).isIn(403, 404);
            assertThat(response.body()).as(operation.key()).doesNotContain(victimName);
        }
    }

    /**
     * A signed-in citizen (session cookie of the citizen-account chain) reaches neither a staff
     * operation of the API (bearer tokens only, sessions ignored) nor the staff pages of the very
     * tenant the account belongs to.
     */
    @Test
    void citizenSessionsNeverReachStaffEndpoints() throws Exception {
        de.amtsraum.support.PageClient citizen = new de.amtsraum.support.PageClient(port);
        String username = "buerger" + java.util.UUID.randomUUID().toString().substring(0, 8);
        de.amtsraum.support.AccountFixtures.verifiedAccount(citizen, runtime.resolve("mail"), "coburg", username,
                username + "@example.org");
        var overview = de.amtsraum.support.AccountFixtures.login(citizen, "coburg", username,
                de.amtsraum.support.AccountFixtures.PASSWORD);
        assertThat(overview.statusCode()).as("the citizen is signed in").isEqualTo(200);
        String cookie = citizen.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));

        List<Operation> staffOperations = secured().stream()
                .filter(op -> op.path().startsWith("/api/v1/tenants/{tenant}/")).toList();
        assertThat(staffOperations).isNotEmpty();
        for (Operation operation : staffOperations) {
            String path = operation.path().replace("{tenant}", "coburg").replaceAll("\\{[^}]+}", "x");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Content-Type", "application/json").header("Cookie", cookie)
                    .method(operation.method(), operation.method().equals("GET") || operation.method().equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
            assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(operation.key()).isEqualTo(401);
        }
        var staffPage = citizen.get("/coburg/mitarbeiter/termine");
        assertThat(staffPage.statusCode()).as("a citizen's session is refused on the staff pages").isEqualTo(403);
        assertThat(staffPage.body()).doesNotContain("Termine am").doesNotContain("Exception");
    }

    @Test
    void operatorOperationsRefuseTenantTokens() throws Exception {
        String tenantToken = api.token(ATTACKER + "-dev", "dev");
        List<Operation> operatorOperations = secured().stream()
                .filter(op -> op.path().startsWith("/api/v1/operator/")).toList();

        assertThat(operatorOperations).isNotEmpty();
        for (Operation operation : operatorOperations) {
            assertThat(call(operation, tenantToken).statusCode()).as(operation.key()).isEqualTo(403);
        }
    }

    private List<Operation> secured() {
        return operations().stream().filter(Operation::secured).toList();
    }

    private List<Operation> operations() {
        JsonNode document = api.get("/v3/api-docs").json();
        boolean securedByDefault = document.path("security").size() > 0;
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode security = method.getValue().get("security");
                boolean secured = security == null ? securedByDefault : security.size() > 0;
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), secured));
            }
        }
        return operations;
    }

    private HttpResponse<String> call(Operation operation, String token) throws Exception {
        String path = operation.path().replace("{tenant}", VICTIM).replaceAll("\\{[^}]+}", "x");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(operation.method(), operation.method().equals("GET") || operation.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
