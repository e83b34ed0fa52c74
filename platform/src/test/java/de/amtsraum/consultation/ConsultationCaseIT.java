package de.amtsraum.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.RetentionDeadlines;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.shared.CaseIds;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.Forensics;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.video.CallEnded;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import de.amtsraum.shared.TenantRowSecurity;
import org.jooq.DSLContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Consultation cases through the staff API on the real platform: opened by a confirmed video
 * booking and by staff, notes / ID document / outcome / archive / handover, Heilbronn's retention
 * rules driven by the clock (14 days after the last activity; at once when archived), a video call
 * counting as activity, the forensic check after the shred, and every refusal as problem+json.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class ConsultationCaseIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    RetentionDeadlines retention;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    EventGateway events;
    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DSLContext db;
    @Autowired
    TransactionTemplate transactions;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private String staff(String tenant) {
        return api.token(tenant + "-dev", "dev");
    }

    private String path(String tenant, String rest) {
        return "/api/v1/tenants/" + tenant + "/cases" + rest;
    }

    private Api.Response open(String tenant, String serviceId) {
        ObjectNode body = JSON.createObjectNode();
        if (serviceId != null) {
            body.put("serviceId", serviceId);
        }
        return api.post(path(tenant, ""), staff(tenant), "application/json", body.toString());
    }

    private String openCase(String tenant) {
        Api.Response opened = open(tenant, null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asText();
    }

    private Api.Response note(String tenant, String caseId, String text, boolean marked) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text);
        body.put("markedForHandover", marked);
        return api.post(path(tenant, "/" + caseId + "/notes"), staff(tenant), "application/json", body.toString());
    }

    private Api.Response post(String tenant, String caseId, String action, String body) {
        return api.post(path(tenant, "/" + caseId + "/" + action), staff(tenant), "application/json", body);
    }

    private JsonNode get(String tenant, String caseId) {
        Api.Response response = api.get(path(tenant, "/" + caseId), staff(tenant));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitCase(String tenant, String caseId) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path(tenant, "/" + caseId), staff(tenant)), r -> r.status() == 200).json();
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith(type);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void aConfirmedVideoBookingOpensItsCaseOnceAndCancellationClosesIt() {
        String email = "case-" + UUID.randomUUID() + "@example.org";
        JsonNode slot = BookingFixtures.freeSlot(api, "heilbronn", "video-baurecht", clock.instant(), 1);
        String appointmentId = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "heilbronn",
                BookingFixtures.heilbronn("video-baurecht", slot.get("start").asText(), email));
        String caseId = CaseIds.forAppointment(appointmentId);

        JsonNode opened = awaitCase("heilbronn", caseId);
        assertThat(opened.get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.get("origin").asText()).isEqualTo("BOOKING");
        assertThat(opened.get("serviceId").asText()).isEqualTo("video-baurecht");
        assertThat(opened.get("appointmentId").asText()).isEqualTo(appointmentId);
        assertThat(opened.get("notes")).isEmpty();
        assertThat(opened.toString()).as("no personal data of the booking in the case").doesNotContain(email,
                "Erika Mustermann", "Verlängerung");
        assertThat(api.get(path("heilbronn", "?status=OPEN"), staff("heilbronn")).body()).contains(caseId);
        assertThat(note("heilbronn", caseId, "Vorbereitung: Lageplan fehlt noch", false).status()).isEqualTo(201);

        // The citizen cancels before the consultation: the case closes, and its data falls to CASE_ARCHIVED (PT0S).
        var cancelled = api.post("/api/v1/tenants/heilbronn/appointments/" + appointmentId + "/cancel",
                staff("heilbronn"), "application/json", "{\"reason\":\"Termin entfällt\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode closed = await().atMost(WAIT).until(() -> get("heilbronn", caseId),
                c -> "ARCHIVED".equals(c.get("status").asText()));
        assertThat(closed.get("closedBy").asText()).isEqualTo("APPOINTMENT_CANCELLED");
        retention.runDue();
        JsonNode erased = await().atMost(WAIT).until(() -> get("heilbronn", caseId),
                c -> "ERASED".equals(c.get("status").asText()));
        assertThat(erased.get("notes").get(0).get("text").asText()).isEqualTo(Redaction.VALUE);
        // Exactly one open event for the case, however often the policy saw the confirmation.
        assertThat(eventStore.readEvents(caseId).asStream()
                .filter(e -> e.getPayload() instanceof ConsultationCaseOpened).count()).isEqualTo(1);
    }

    @Test
    void anOnSiteServiceWithoutTheManifestFlagOpensNoCase() {
        String email = "re-" + UUID.randomUUID() + "@example.org";
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", "meldebescheinigung", clock.instant(), 1);
        String onSite = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "recklinghausen",
                BookingFixtures.recklinghausen("meldebescheinigung", slot.get("start").asText(), email));
        // A later video booking: once its case exists, the policy (one ordered segment) has seen the first.
        String email2 = "video-" + UUID.randomUUID() + "@example.org";
        JsonNode videoSlot = BookingFixtures.freeSlot(api, "heilbronn", "video-fuehrerscheinstelle", clock.instant(), 1);
        String video = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "heilbronn",
                BookingFixtures.heilbronn("video-fuehrerscheinstelle", videoSlot.get("start").asText(), email2));
        awaitCase("heilbronn", CaseIds.forAppointment(video));
        assertProblem(api.get(path("recklinghausen", "/" + CaseIds.forAppointment(onSite)), staff("recklinghausen")),
                404, "unknown-case");
    }

    @Test
    void staffRecordNotesIdentityDocumentOutcomeAndHandOverOnlyMarkedNotesOnce() {
        String caseId = openCase("coburg");
        JsonNode fresh = get("coburg", caseId);
        assertThat(fresh.get("origin").asText()).isEqualTo("STAFF");
        assertThat(fresh.get("retentionDueAt").isNull()).as("Coburg: 6 months after the last activity").isFalse();

        assertThat(note("coburg", caseId, "Intern: Bürgerin wirkte nervös", false).status()).isEqualTo(201);
        assertThat(note("coburg", caseId, "Antrag auf Beratungsschein gestellt", true).status()).isEqualTo(201);
        assertThat(post("coburg", caseId, "identity-document", "{\"documentKind\":\"PASSPORT\"}").status())
                .isEqualTo(200);
        Api.Response outcome = post("coburg", caseId, "outcome", "{\"outcome\":\"COMPLETED\",\"summary\":\"Alles geklärt\"}");
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        JsonNode view = outcome.json();
        assertThat(view.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(view.get("outcomeSummary").asText()).isEqualTo("Alles geklärt");
        assertThat(view.get("identityDocumentShown").asBoolean()).isTrue();
        assertThat(view.get("identityDocument").asText()).isEqualTo("PASSPORT");
        assertThat(view.get("notes")).hasSize(2);
        assertThat(view.get("notes").get(1).get("markedForHandover").asBoolean()).isTrue();

        Api.Response handover = post("coburg", caseId, "handover", "");
        assertThat(handover.status()).as(handover.body()).isEqualTo(200);
        String handoverId = handover.json().get("handoverId").asText();
        assertProblem(post("coburg", caseId, "handover", ""), 409, "case-already-handed-over");
        assertProblem(note("coburg", caseId, "zu spät", false), 409, "case-closed");
        assertProblem(post("coburg", caseId, "archive", ""), 409, "case-closed");

        List<ConsultationCaseHandedOver> handovers = eventStore.readEvents(caseId).asStream()
                .map(DomainEventMessage::getPayload).filter(ConsultationCaseHandedOver.class::isInstance)
                .map(ConsultationCaseHandedOver.class::cast).toList();
        assertThat(handovers).hasSize(1);
        ConsultationCaseHandedOver event = handovers.getFirst();
        assertThat(event.handoverId()).isEqualTo(handoverId);
        assertThat(event.outcome()).isEqualTo("COMPLETED");
        assertThat(event.subjectId()).isNotBlank();
        JsonNode content = readTree(event.content());
        assertThat(content.get("notes")).hasSize(1);
        assertThat(content.get("notes").get(0).asText()).isEqualTo("Antrag auf Beratungsschein gestellt");
        assertThat(content.get("identityDocumentShown").asBoolean()).isTrue();
        assertThat(get("coburg", caseId).get("status").asText()).isEqualTo("HANDED_OVER");
    }

    @Test
    void heilbronnErasesAnOpenCaseFourteenDaysAfterItsLastActivityAndAVideoCallCountsAsActivity(
            CapturedOutput output) {
        String mark = UUID.randomUUID().toString().replace("-", "");
        List<String> canaries = List.of("Canarynote" + mark, "Canarysummary" + mark);
        Instant start = clock.instant();
        String called = openCase("heilbronn");
        String quiet = openCase("heilbronn");
        String other = openCase("heilbronn");
        assertThat(note("heilbronn", called, canaries.get(0), true).status()).isEqualTo(201);
        assertThat(post("heilbronn", called, "outcome",
                "{\"outcome\":\"ABORTED\",\"summary\":\"" + canaries.get(1) + "\"}").status()).isEqualTo(200);
        assertThat(note("heilbronn", quiet, "Rückruf vereinbart", false).status()).isEqualTo(201);
        assertThat(note("heilbronn", other, "Unterlagen nachgereicht", false).status()).isEqualTo(201);
        assertThat(get("heilbronn", called).get("notes").get(0).get("text").asText()).isEqualTo(canaries.get(0));
        checkpoint();
        assertThat(Forensics.inDump(Forensics.dump(dataSource), canaries)).as("plaintext in the dump").isEmpty();
        assertThat(Forensics.onDisk(runtime.resolve("postgres"), canaries)).as("plaintext on disk").isEmpty();

        // Day 10: a video call of the first case ends (published like the video module does).
        clock.set(start.plus(Duration.ofDays(10)));
        events.publish(new CallEnded("heilbronn", "call-" + mark, called, CallEnded.Outcome.COMPLETED,
                clock.instant().minusSeconds(600), clock.instant()));
        JsonNode afterCall = await().atMost(WAIT).until(() -> get("heilbronn", called), c -> c.get("calls").asInt() == 1);
        assertThat(afterCall.get("lastCallOutcome").asText()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(afterCall.get("retentionDueAt").asText()))
                .isCloseTo(clock.instant().plus(Duration.ofDays(14)), within(1, ChronoUnit.MILLIS));
        // Day 12: the third case gets a note.
        clock.set(start.plus(Duration.ofDays(12)));
        assertThat(note("heilbronn", other, "Nachfrage beantwortet", false).status()).isEqualTo(201);

        // Day 14 + a minute: only the quiet case is due.
        clock.set(start.plus(Duration.ofDays(14)).plusSeconds(60));
        retention.runDue();
        await().atMost(WAIT).until(() -> get("heilbronn", quiet), c -> "ERASED".equals(c.get("status").asText()));
        assertThat(get("heilbronn", quiet).get("notes").get(0).get("text").asText()).isEqualTo(Redaction.VALUE);
        assertThat(get("heilbronn", called).get("notes").get(0).get("text").asText()).isEqualTo(canaries.get(0));
        assertThat(get("heilbronn", called).get("status").asText()).isEqualTo("OPEN");

        // 14 days after the call: the called case is erased, the third case untouched.
        clock.set(start.plus(Duration.ofDays(24)).plusSeconds(60));
        retention.runDue();
        JsonNode erased = await().atMost(WAIT).until(() -> get("heilbronn", called),
                c -> "ERASED".equals(c.get("status").asText()));
        assertThat(erased.get("notes").get(0).get("text").asText()).isEqualTo(Redaction.VALUE);
        assertThat(erased.get("outcomeSummary").asText()).isEqualTo(Redaction.VALUE);
        assertThat(erased.get("outcome").asText()).as("the non-personal fact stays").isEqualTo("ABORTED");
        JsonNode untouched = get("heilbronn", other);
        assertThat(untouched.get("status").asText()).isEqualTo("OPEN");
        assertThat(untouched.get("notes").get(1).get("text").asText()).isEqualTo("Nachfrage beantwortet");
        assertProblem(note("heilbronn", called, "nach der Löschung", false), 409, "case-closed");

        checkpoint();
        assertThat(Forensics.inDump(Forensics.dump(dataSource), canaries)).isEmpty();
        assertThat(Forensics.onDisk(runtime.resolve("postgres"), canaries)).isEmpty();
        assertThat(output.getAll()).doesNotContain(canaries.toArray(String[]::new));
    }

    @Test
    void heilbronnErasesAnArchivedCaseAtOnce() {
        String archived = openCase("heilbronn");
        String kept = openCase("heilbronn");
        assertThat(note("heilbronn", archived, "wird archiviert", false).status()).isEqualTo(201);
        assertThat(note("heilbronn", kept, "bleibt offen", false).status()).isEqualTo(201);
        Api.Response response = post("heilbronn", archived, "archive", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(Instant.parse(response.json().get("retentionDueAt").asText()))
                .isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));
        assertThat(api.get(path("heilbronn", "?status=CLOSED"), staff("heilbronn")).body()).contains(archived)
                .doesNotContain(kept);

        assertThat(retention.runDue()).isPositive();
        JsonNode erased = await().atMost(WAIT).until(() -> get("heilbronn", archived),
                c -> "ERASED".equals(c.get("status").asText()));
        assertThat(erased.get("notes").get(0).get("text").asText()).isEqualTo(Redaction.VALUE);
        assertThat(erased.get("erasedAt").isNull()).isFalse();
        assertThat(get("heilbronn", kept).get("notes").get(0).get("text").asText()).isEqualTo("bleibt offen");
    }

    @Test
    void badInputIsRefusedAsProblemDetailsAndChangesNothing() {
        String caseId = openCase("heilbronn");
        assertProblem(api.get(path("heilbronn", "/" + UUID.randomUUID()), staff("heilbronn")), 404, "unknown-case");
        assertProblem(note("heilbronn", UUID.randomUUID().toString(), "x", false), 404, "unknown-case");
        assertProblem(post("heilbronn", UUID.randomUUID().toString(), "archive", ""), 404, "unknown-case");
        assertProblem(api.get(path("coburg", "/" + caseId), staff("coburg")), 404, "unknown-case");
        assertProblem(api.post(path("coburg", "/" + caseId + "/archive"), staff("coburg"), "application/json", ""),
                404, "unknown-case");
        assertThat(api.get(path("heilbronn", "/" + caseId), staff("coburg")).status()).as("foreign tenant's token")
                .isEqualTo(403);
        assertThat(api.post(path("heilbronn", "/" + caseId + "/notes"), staff("coburg"), "application/json",
                "{\"text\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.get(path("heilbronn", ""), null).status()).isEqualTo(401);

        assertProblem(note("heilbronn", caseId, "x".repeat(ConsultationCases.MAX_NOTE + 1), false), 400,
                "invalid-case-input");
        Api.Response blank = note("heilbronn", caseId, "   ", false);
        assertProblem(blank, 400, "invalid-case-input");
        assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("text");
        assertProblem(post("heilbronn", caseId, "notes", "{}"), 400, "invalid-case-input");
        assertThat(post("heilbronn", caseId, "notes", "kein json").status()).isEqualTo(400);
        assertProblem(post("heilbronn", caseId, "identity-document", "{}"), 400, "invalid-case-input");
        assertProblem(post("heilbronn", caseId, "identity-document", "{\"documentKind\":\"BIBLIOTHEKSAUSWEIS\"}"), 400,
                "invalid-case-input");
        assertProblem(post("heilbronn", caseId, "outcome", "{}"), 400, "invalid-case-input");
        assertProblem(post("heilbronn", caseId, "outcome", "{\"outcome\":\"GUT\"}"), 400, "invalid-case-input");
        assertProblem(post("heilbronn", caseId, "outcome",
                "{\"outcome\":\"COMPLETED\",\"summary\":\"" + "y".repeat(ConsultationCases.MAX_SUMMARY + 1) + "\"}"),
                400, "invalid-case-input");
        assertProblem(open("heilbronn", "keine-dienstleistung"), 400, "unknown-service");
        assertProblem(api.get(path("heilbronn", "?status=VIELLEICHT"), staff("heilbronn")), 400, "invalid-case-input");
        JsonNode unchanged = get("heilbronn", caseId);
        assertThat(unchanged.get("notes")).isEmpty();
        assertThat(unchanged.get("outcome").isNull()).isTrue();
        assertThat(unchanged.get("identityDocumentShown").asBoolean()).isFalse();

        assertThat(post("heilbronn", caseId, "archive", "").status()).isEqualTo(200);
        assertProblem(post("heilbronn", caseId, "archive", ""), 409, "case-closed");
        assertProblem(note("heilbronn", caseId, "nach dem Archivieren", false), 409, "case-closed");
        assertProblem(post("heilbronn", caseId, "handover", ""), 409, "case-closed");
    }

    @Test
    void aTenantWithoutConversationDataGetsCasesButStoresNoConversation() {
        String caseId = openCase("leer");
        assertProblem(note("leer", caseId, "Notiz", false), 409, "conversation-data-not-declared");
        assertProblem(post("leer", caseId, "identity-document", "{\"documentKind\":\"ID_CARD\"}"), 409,
                "conversation-data-not-declared");
        assertProblem(post("leer", caseId, "outcome", "{\"outcome\":\"COMPLETED\"}"), 409,
                "conversation-data-not-declared");
        assertProblem(post("leer", caseId, "handover", ""), 409, "conversation-data-not-declared");
        JsonNode view = get("leer", caseId);
        assertThat(view.get("notes")).isEmpty();
        assertThat(view.get("retentionDueAt").isNull()).isTrue();
        assertThat(post("leer", caseId, "archive", "").status()).isEqualTo(200);
    }

    @Test
    void theCaseTablesAreBoundToTheTenantByRowLevelSecurity() {
        String heilbronn = openCase("heilbronn");
        assertThat(note("heilbronn", heilbronn, "RLS", false).status()).isEqualTo(201);
        openCase("coburg");
        String role = "amtsraum_rls_probe";
        jdbc.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                + "CREATE ROLE " + role + " NOLOGIN; END IF; END $$");
        jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON consultation_case, consultation_note TO " + role);
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("SET LOCAL ROLE " + role);
            assertThat(jdbc.queryForObject("select count(*) from consultation_case", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from consultation_note", Long.class)).isZero();
        });
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("SET LOCAL ROLE " + role);
            TenantRowSecurity.bind(db, "heilbronn");
            assertThat(jdbc.queryForList("select distinct tenant_id from consultation_case", String.class))
                    .containsExactly("heilbronn");
            assertThat(jdbc.queryForList("select distinct tenant_id from consultation_note", String.class))
                    .containsExactly("heilbronn");
            assertThat(jdbc.update("update consultation_case set status = 'ERASED' where tenant_id = 'coburg'"))
                    .isZero();
        });
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forces everything written so far into the data files, so the disk scan sees it. */
    private void checkpoint() {
        try (var connection = dataSource.getConnection()) {
            connection.createStatement().execute("CHECKPOINT");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
