package de.amtsraum.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.privacy.RetentionDeadlines;
import de.amtsraum.identity.TokenClaims;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.support.Api;
import de.amtsraum.support.KafkaBroker;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The handover against an in-process KRaft broker ({@link KafkaBroker}): a handover appended as a
 * domain event (aggregate type ConsultationCase, sealed by the platform's serializer like a real one)
 * arrives on the tenant's topic keyed by case id, valid against docs/schemas/case-handover-v1.json,
 * without the content anywhere in Kafka or the log; the tenant's specialist system redeems it once;
 * topics are per tenant; expired, erased, unknown and foreign references and wrong tokens are refused;
 * and a broker outage delays delivery without losing anything: the processor's token stays before the
 * undelivered handovers and both arrive once a broker is back on the same address.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class HandoverKafkaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "heilbronn";
    private static final String OTHER = "coburg";
    private static final String TOPIC = "amtsraum.heilbronn.case-handover.v1";
    private static final String OTHER_TOPIC = "amtsraum.coburg.case-handover.v1";
    private static final String REDEEM = "/api/v1/tenants/heilbronn/handovers/redemptions";
    private static final KafkaBroker kafka = KafkaBroker.onFreePort();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    SubjectKeys subjectKeys;
    @Autowired
    JWKSource<SecurityContext> signingKeys;
    @Autowired
    ConsultationCases cases;
    @Autowired
    RetentionDeadlines retention;

    Api api;

    @BeforeAll
    static void startBroker() {
        kafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @DynamicPropertySource
    static void kafkaProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("amtsraum.handover.partitions", () -> "2");
        registry.add("amtsraum.handover.delivery-timeout", () -> "PT3S");
        registry.add("amtsraum.public-url", () -> "https://amtsraum.example.de");
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    record HandedOver(String caseId, String handoverId, String subjectId, String canary) {
    }

    @Test
    void aHandoverArrivesWithoutContentAndIsRedeemedOnce(CapturedOutput output) throws Exception {
        HandedOver handover = handOver(TENANT, clock.instant());

        ConsultationCaseHandedOver stored = (ConsultationCaseHandedOver) eventStore.readEvents(handover.caseId())
                .next().getPayload();
        assertThat(stored.content()).as("the platform's serializer opens the sealed content").contains(handover.canary());
        String sealed = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ?", String.class, handover.caseId());
        assertThat(sealed).as("stored sealed like a real handover").doesNotContain(handover.canary());

        ConsumerRecord<byte[], byte[]> record = awaitRecords(TOPIC, handover.caseId()).getFirst();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(handover.caseId());
        assertThat(record.headers().toArray()).isEmpty();
        JsonNode message = JSON.readTree(record.value());
        assertThat(schema().validate(message)).as(message.toString()).isEmpty();
        assertThat(message.get("eventId").asText()).isEqualTo(handover.handoverId());
        assertThat(message.get("tenantId").asText()).isEqualTo(TENANT);
        assertThat(message.get("caseId").asText()).isEqualTo(handover.caseId());
        assertThat(message.get("serviceId").asText()).isEqualTo("videoberatung");
        assertThat(message.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(message.get("redeemUrl").asText())
                .isEqualTo("https://amtsraum.example.de/api/v1/tenants/heilbronn/handovers/redemptions");
        assertThat(Instant.parse(message.get("referenceExpiresAt").asText()))
                .isEqualTo(Instant.parse(message.get("handedOverAt").asText()).plus(Duration.ofDays(14)));
        assertThat(kafka.partitions(TOPIC)).as("created by the platform with its partitions").isEqualTo(2);

        String reference = message.get("reference").asText();
        assertThat(jdbc.queryForObject("select count(*) from case_handover where reference_hash = ? or handover_id = ?",
                Integer.class, reference, handover.handoverId())).as("only the hash is stored").isEqualTo(1);
        assertThat(Forbidden.inKafka(kafka, List.of(handover.canary(), handover.subjectId()))).isEmpty();

        String receiver = api.token(TENANT + "-fachverfahren", "dev");
        Api.Response redeemed = redeem(receiver, reference);
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode body = redeemed.json();
        assertThat(body.get("content").get("notes").get(0).asText()).isEqualTo(handover.canary());
        assertThat(body.get("content").get("identityDocumentShown").asBoolean()).isTrue();
        assertThat(body.get("caseId").asText()).isEqualTo(handover.caseId());
        assertThat(body.get("handoverId").asText()).isEqualTo(handover.handoverId());
        assertThat(body.get("serviceId").asText()).isEqualTo("videoberatung");
        assertThat(body.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(body.has("subjectId")).isFalse();

        Api.Response again = redeem(receiver, reference);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asText()).endsWith("handover-already-redeemed");
        assertThat(again.body()).doesNotContain(handover.canary());

        assertThat(output.getAll()).as("no content in the log").doesNotContain(handover.canary())
                .doesNotContain(handover.subjectId()).doesNotContain(reference);
    }

    /**
     * A real case of Heilbronn (shreds archived cases at once): handing over does not erase the
     * content — it stays readable until the specialist system redeemed it; the redemption archives the
     * case, and the next retention run erases the platform's copy.
     */
    @Test
    void aRealCaseStaysReadableUntilRedeemedThenItIsArchivedAndErased() throws Exception {
        String canary = "Canary-" + UUID.randomUUID();
        String caseId = cases.open(TENANT, null);
        cases.addNote(TENANT, caseId, canary, true);
        cases.addNote(TENANT, caseId, "nicht markiert", false);
        cases.recordOutcome(TENANT, caseId, "COMPLETED", null);
        String handoverId = cases.handOver(TENANT, caseId);

        ConsumerRecord<byte[], byte[]> record = awaitRecords(TOPIC, caseId).getFirst();
        assertThat(JSON.readTree(record.value()).get("eventId").asText()).isEqualTo(handoverId);
        retention.runDue();
        assertThat(cases.get(TENANT, caseId).status()).as("handed over, not yet archived").isEqualTo("HANDED_OVER");

        Api.Response redeemed = redeem(api.token(TENANT + "-fachverfahren", "dev"), reference(record));
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.json().get("content").get("notes")).hasSize(1);
        assertThat(redeemed.json().get("content").get("notes").get(0).asText()).isEqualTo(canary);

        ConsultationCases.CaseView archived = cases.get(TENANT, caseId);
        assertThat(archived.status()).isEqualTo("ARCHIVED");
        assertThat(archived.closedBy()).isEqualTo("HANDOVER_RECEIVED");
        assertThat(archived.notes()).extracting(ConsultationCases.NoteView::text).contains(canary);

        retention.runDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.get(TENANT, caseId).status(), "ERASED"::equals);
        assertThat(cases.get(TENANT, caseId).notes()).extracting(ConsultationCases.NoteView::text)
                .doesNotContain(canary);
    }

    @Test
    void topicsArePerTenant() throws Exception {
        HandedOver ours = handOver(TENANT, clock.instant());
        HandedOver theirs = handOver(OTHER, clock.instant());

        awaitRecords(TOPIC, ours.caseId());
        ConsumerRecord<byte[], byte[]> other = awaitRecords(OTHER_TOPIC, theirs.caseId()).getFirst();

        assertThat(JSON.readTree(other.value()).get("tenantId").asText()).isEqualTo(OTHER);
        assertThat(kafka.records(OTHER_TOPIC)).allSatisfy(record ->
                assertThat(JSON.readTree(record.value()).get("tenantId").asText()).isEqualTo(OTHER));
        assertThat(kafka.records(TOPIC)).allSatisfy(record ->
                assertThat(JSON.readTree(record.value()).get("tenantId").asText()).isEqualTo(TENANT));
        assertThat(kafka.records(OTHER_TOPIC)).noneSatisfy(record ->
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(ours.caseId()));

        String theirReference = JSON.readTree(other.value()).get("reference").asText();
        Api.Response foreign = redeem(api.token(TENANT + "-fachverfahren", "dev"), theirReference);
        assertThat(foreign.status()).as("another tenant's reference is unknown here").isEqualTo(404);
        Api.Response crossToken = api.post("/api/v1/tenants/coburg/handovers/redemptions",
                api.token(TENANT + "-fachverfahren", "dev"), "application/json", body(theirReference));
        assertThat(crossToken.status()).as("a receiver token of another tenant").isEqualTo(403);
        Api.Response own = api.post("/api/v1/tenants/coburg/handovers/redemptions",
                api.token(OTHER + "-fachverfahren", "dev"), "application/json", body(theirReference));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
    }

    @Test
    void onlyTheTenantsSpecialistSystemRedeemsAndBadInputIsRefused() throws Exception {
        HandedOver handover = handOver(TENANT, clock.instant());
        String reference = reference(awaitRecords(TOPIC, handover.caseId()).getFirst());

        assertThat(redeem(null, reference).status()).as("anonymous").isEqualTo(401);
        assertThat(redeem(api.token(TENANT + "-dev", "dev"), reference).status()).as("staff token").isEqualTo(403);
        assertThat(redeem(citizenToken(), reference).status()).as("citizen token").isEqualTo(403);
        assertThat(redeem(api.token(OTHER + "-fachverfahren", "dev"), reference).status())
                .as("another tenant's receiver").isEqualTo(403);
        assertThat(api.get("/api/v1/tenants/heilbronn/appointments?date=2027-01-04",
                api.token(TENANT + "-fachverfahren", "dev")).status()).as("the receiver reaches nothing else")
                .isEqualTo(403);

        String receiver = api.token(TENANT + "-fachverfahren", "dev");
        for (String malformed : List.of("{}", "[]", "not json", "{\"reference\": 42}", "{\"reference\": \"kurz\"}",
                "{\"reference\": null}", "")) {
            Api.Response refused = api.post(REDEEM, receiver, "application/json", malformed);
            assertThat(refused.status()).as(malformed).isEqualTo(400);
            assertThat(refused.contentType()).as(malformed).startsWith("application/problem+json");
        }
        String unknown = reference.substring(0, 42) + (reference.endsWith("A") ? "B" : "A");
        assertThat(redeem(receiver, unknown).status()).as("unknown reference").isEqualTo(404);

        assertThat(redeem(receiver, reference).status()).as("still redeemable after all that").isEqualTo(200);
    }

    @Test
    void expiredAndErasedHandoversAreGone() throws Exception {
        String receiver = api.token(TENANT + "-fachverfahren", "dev");
        HandedOver old = handOver(TENANT, clock.instant().minus(Duration.ofDays(15)));
        Api.Response expired = redeem(receiver, reference(awaitRecords(TOPIC, old.caseId()).getFirst()));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().get("type").asText()).endsWith("handover-reference-expired");

        HandedOver erased = handOver(TENANT, clock.instant());
        String reference = reference(awaitRecords(TOPIC, erased.caseId()).getFirst());
        subjectKeys.shredAll(TENANT, erased.subjectId(), ShredCause.ERASURE_REQUEST);
        Api.Response gone = redeem(receiver, reference);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("type").asText()).endsWith("handover-content-erased");
        assertThat(gone.body()).doesNotContain(erased.canary());
    }

    @Test
    void concurrentRedemptionsRedeemOnce() throws Exception {
        HandedOver handover = handOver(TENANT, clock.instant());
        String reference = reference(awaitRecords(TOPIC, handover.caseId()).getFirst());
        String receiver = api.token(TENANT + "-fachverfahren", "dev");

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> redeem(receiver, reference).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 410);
            assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Broker down: two handovers are appended, the processor tries and fails, its token stays before
     * them, nothing is recorded as published. A fresh broker on the same address (Kafka's test kit
     * deletes the log directories on stop): both arrive, each possibly more than once, every copy with
     * the same eventId and reference.
     */
    @Test
    void aBrokerOutageDelaysDeliveryAndLosesNothing(CapturedOutput output) throws Exception {
        HandedOver before = handOver(TENANT, clock.instant());
        awaitRecords(TOPIC, before.caseId());
        double failures = failures();

        kafka.stop();
        HandedOver first;
        HandedOver second;
        try {
            first = handOver(TENANT, clock.instant());
            second = handOver(TENANT, clock.instant());
            long firstIndex = globalIndex(first.caseId());
            long secondIndex = globalIndex(second.caseId());

            await().atMost(Duration.ofSeconds(60)).until(() -> failures() >= failures + 2);
            assertThat(covered(firstIndex)).as("the token did not advance past the first handover").isFalse();
            assertThat(covered(secondIndex)).as("nor past the second").isFalse();
            assertThat(jdbc.queryForObject("select count(*) from case_handover where case_id in (?, ?)", Integer.class,
                    first.caseId(), second.caseId())).as("nothing recorded as published").isZero();
        } finally {
            kafka.start();
        }

        for (HandedOver handover : List.of(first, second)) {
            List<ConsumerRecord<byte[], byte[]>> copies = await().atMost(Duration.ofSeconds(150))
                    .until(() -> records(TOPIC, handover.caseId()), list -> !list.isEmpty());
            Set<String> eventIds = new java.util.HashSet<>();
            Set<String> references = new java.util.HashSet<>();
            for (ConsumerRecord<byte[], byte[]> copy : copies) {
                JsonNode message = JSON.readTree(copy.value());
                eventIds.add(message.get("eventId").asText());
                references.add(message.get("reference").asText());
            }
            assertThat(eventIds).containsExactly(handover.handoverId());
            assertThat(references).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> covered(globalIndex(second.caseId())));
        String receiver = api.token(TENANT + "-fachverfahren", "dev");
        Api.Response redeemed = redeem(receiver, reference(records(TOPIC, first.caseId()).getFirst()));
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.json().get("content").get("notes").get(0).asText()).isEqualTo(first.canary());
        assertThat(Forbidden.inKafka(kafka, List.of(first.canary(), second.canary()))).isEmpty();
        assertThat(output.getAll()).as("failures and retries log no content and no reference")
                .doesNotContain(first.canary()).doesNotContain(second.canary())
                .doesNotContain(reference(records(TOPIC, second.caseId()).getFirst()));
    }

    // --- helpers ---

    private HandedOver handOver(String tenant, Instant at) {
        String caseId = UUID.randomUUID().toString();
        String handoverId = UUID.randomUUID().toString();
        String subjectId = UUID.randomUUID().toString();
        String canary = "Kanarienvogel-" + UUID.randomUUID();
        String content = "{\"notes\":[\"" + canary + "\"],\"identityDocumentShown\":true}";
        ConsultationCaseHandedOver event = new ConsultationCaseHandedOver(tenant, caseId, subjectId, handoverId,
                "videoberatung", "COMPLETED", content, at.truncatedTo(ChronoUnit.MILLIS));
        transactions.executeInTransaction(() -> eventStore.publish(
                new GenericDomainEventMessage<>("ConsultationCase", caseId, 0, event)));
        return new HandedOver(caseId, handoverId, subjectId, canary);
    }

    private List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, String caseId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> records(topic, caseId), list -> !list.isEmpty());
    }

    private List<ConsumerRecord<byte[], byte[]>> records(String topic, String caseId) {
        if (!kafka.topics().contains(topic)) {
            return List.of();
        }
        return kafka.records(topic).stream()
                .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(caseId)).toList();
    }

    private static String reference(ConsumerRecord<byte[], byte[]> record) throws Exception {
        return JSON.readTree(record.value()).get("reference").asText();
    }

    private static String body(String reference) {
        return "{\"reference\":\"" + reference + "\"}";
    }

    private Api.Response redeem(String token, String reference) {
        return api.post(REDEEM, token, "application/json", body(reference));
    }

    private double failures() {
        return meters.counter("amtsraum.handover.failures", "tenant", TENANT).count();
    }

    private long globalIndex(String caseId) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ?",
                Long.class, caseId);
    }

    /** Whether the publisher's token in token_entry covers the event at this global index. */
    private boolean covered(long globalIndex) throws Exception {
        List<byte[]> tokens = jdbc.queryForList(
                "select token from token_entry where processor_name = 'handover-publisher'", byte[].class);
        assertThat(tokens).as("one segment").hasSize(1);
        if (tokens.getFirst() == null) {
            return false;
        }
        JsonNode token = JSON.readTree(tokens.getFirst());
        long index = token.get("index").asLong();
        for (JsonNode gap : token.path("gaps")) {
            if (gap.asLong() == globalIndex) {
                return false;
            }
        }
        return globalIndex <= index;
    }

    private String citizenToken() throws Exception {
        RSAKey key = (RSAKey) signingKeys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).getFirst();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("buerger").claim(TokenClaims.TENANT, TENANT)
                .claim(TokenClaims.ROLES, List.of("CITIZEN")).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JsonSchema schema() throws Exception {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("../docs/schemas/case-handover-v1.json")), config);
    }

    /** Canaries in the raw bytes (keys, values, headers) of every record of every topic. */
    static final class Forbidden {
        static List<String> inKafka(KafkaBroker kafka, List<String> canaries) {
            List<String> found = new ArrayList<>();
            for (String topic : kafka.topics()) {
                for (ConsumerRecord<byte[], byte[]> record : kafka.records(topic)) {
                    List<byte[]> parts = new ArrayList<>();
                    parts.add(record.key());
                    parts.add(record.value());
                    record.headers().forEach(header -> parts.add(header.value()));
                    for (byte[] part : parts) {
                        String text = part == null ? "" : new String(part, StandardCharsets.ISO_8859_1);
                        for (String canary : canaries) {
                            if (text.contains(canary)) {
                                found.add(canary + " in " + topic);
                            }
                        }
                    }
                }
            }
            return found;
        }
    }
}
