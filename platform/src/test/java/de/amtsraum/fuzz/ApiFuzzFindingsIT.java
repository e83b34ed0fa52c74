package de.amtsraum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.support.Api;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Regressions for what the schemathesis run (bench/fuzz) found: each was a 500 or a response the
 * OpenAPI document did not describe.
 */
@PlatformTest
class ApiFuzzFindingsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "helbra";
    private static final String RIGHTS = "/api/v1/tenants/" + TENANT + "/rights-requests";
    private static final String CASES = "/api/v1/tenants/" + TENANT + "/cases";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    Api api;
    String staff;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        staff = api.token(TENANT + "-dev", "dev");
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/" + type);
        assertThat(response.body()).doesNotContain("Exception");
    }

    private int events(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, aggregateId);
    }

    private String openRightsRequest() {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "ACCESS");
        body.put("channel", "LETTER");
        body.put("receivedOn", LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))).toString());
        body.put("requesterName", "Fuzz Regression");
        Api.Response opened = api.post(RIGHTS, staff, "application/json", body.toString());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asText();
    }

    private String openCase() {
        Api.Response opened = api.post(CASES, staff, "application/json", "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asText();
    }

    /** Was 500: the dispatcher failed to parse the multipart body before any controller was chosen. */
    @Test
    void multipartWithoutBoundaryIsABadRequestProblem() {
        Api.Response contact = api.post("/api/v1/tenants/" + TENANT + "/contact-requests", null,
                "multipart/form-data", "{\"lastName\": \"\"}");
        assertProblem(contact, 400, "malformed-request");
        Api.Response staffOnly = api.post(RIGHTS, staff, "multipart/form-data", "{}");
        assertThat(staffOnly.status()).as(staffOnly.body()).isIn(400, 415);
        assertThat(staffOnly.contentType()).startsWith("application/problem+json");
    }

    /** Was 500 (IncompatibleAggregateException): a case id sent to the rights inbox and the other way round. */
    @Test
    void anIdOfAnotherKindIsNotFoundAndChangesNothing() {
        String caseId = openCase();
        String requestId = openRightsRequest();
        int caseEvents = events(caseId);
        int requestEvents = events(requestId);

        assertProblem(api.post(RIGHTS + "/" + caseId + "/verification", staff, "application/json",
                "{\"method\":\"KNOWN_EMAIL\"}"), 404, "unknown-rights-request");
        assertProblem(api.post(RIGHTS + "/" + caseId + "/extension", staff, "application/json",
                "{\"months\":1,\"reason\":\"Umfang\",\"citizenInformed\":true}"), 404, "unknown-rights-request");
        Api.Response note = api.post(CASES + "/" + requestId + "/notes", staff, "application/json",
                "{\"text\":\"Vermerk\",\"markedForHandover\":false}");
        assertThat(note.status()).as(note.body()).isEqualTo(404);
        assertThat(note.contentType()).startsWith("application/problem+json");

        assertThat(events(caseId)).isEqualTo(caseEvents);
        assertThat(events(requestId)).isEqualTo(requestEvents);
        assertThat(api.get(RIGHTS + "/" + requestId, staff).json().get("verification").isNull()).isTrue();
    }

    /** The typed request records keep the inbox's own refusals for values of the wrong JSON type. */
    @Test
    void wrongJsonTypesGetTheInboxProblemTypesAndStoreNothing() {
        String id = openRightsRequest();
        int before = events(id);
        assertProblem(api.post(RIGHTS, staff, "application/json",
                "{\"type\":\"ACCESS\",\"channel\":\"LETTER\",\"receivedOn\":\"2026-01-02\",\"requesterName\":5}"),
                400, "invalid-rights-request");
        assertProblem(api.post(RIGHTS, staff, "application/json", "not json"), 400, "invalid-rights-request");
        assertProblem(api.post(RIGHTS + "/" + id + "/verification", staff, "application/json", "{\"method\":5}"),
                400, "invalid-identity-verification");
        assertProblem(api.post(RIGHTS + "/" + id + "/extension", staff, "application/json",
                "{\"months\":\"2\",\"reason\":\"Umfang\",\"citizenInformed\":true}"), 422, "invalid-deadline-extension");
        assertProblem(api.post(RIGHTS + "/" + id + "/extension", staff, "application/json",
                "{\"months\":1.5,\"reason\":\"Umfang\",\"citizenInformed\":\"true\"}"), 422, "invalid-deadline-extension");
        assertProblem(api.post(RIGHTS + "/" + id + "/closure", staff, "application/json", "{\"outcome\":[]}"),
                400, "invalid-rights-request-closure");
        assertThat(events(id)).isEqualTo(before);
    }

    /**
     * Was a schema violation on every tenant profile with a missing phone number: the document now admits
     * null for optional properties, and every operation declares its problem responses.
     */
    @Test
    void theOpenApiDocumentDeclaresProblemsAndNullableOptionalProperties() {
        JsonNode doc = api.get("/v3/api-docs").json();
        JsonNode problem = doc.at("/components/schemas/Problem/properties");
        assertThat(problem.has("type") && problem.has("title") && problem.has("status") && problem.has("detail")).isTrue();

        List<String> undeclared = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().get("responses");
            boolean secured = op.getValue().has("security");
            for (String status : secured ? List.of("400", "401", "403", "404") : List.of("400", "404")) {
                if (!responses.at("/" + status + "/content").has("application/problem+json")) {
                    undeclared.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + status);
                }
            }
        }));
        assertThat(undeclared).isEmpty();

        JsonNode phone = doc.at("/components/schemas/Contact/properties/phone/type");
        assertThat(phone.toString()).contains("\"null\"", "\"string\"");
        JsonNode address = doc.at("/components/schemas/TenantProfile/properties/address/anyOf");
        assertThat(address.toString()).contains("#/components/schemas/Address", "\"null\"");

        Api.Response coburg = api.get("/api/v1/tenants/coburg");
        assertThat(coburg.status()).isEqualTo(200);
        assertThat(coburg.json().at("/contact/phone").isNull()).as("the case the document had to admit").isTrue();
    }
}
