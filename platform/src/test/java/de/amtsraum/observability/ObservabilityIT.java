package de.amtsraum.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.privacy.RetentionDeadlines;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.LocalPorts;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.KafkaBroker;
import de.amtsraum.support.LiveKitServer;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.support.TemporaryDataDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Observability (issue 9 item 4, ADR 0028): health probes with optional dependencies down, the
 * Prometheus scrape after a booking flow and a shred (values, labels, no personal data in any label),
 * the database gauges reacting to an overdue deadline, a paused processor and an undelivered
 * handover, and the trace id of an inbound {@code traceparent} in the log lines and the response.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    MetricGauges gauges;
    @Autowired
    RetentionDeadlines retention;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void notReadyAnswers503AndLivenessStays200() {
        org.springframework.boot.availability.AvailabilityChangeEvent.publish(context,
                org.springframework.boot.availability.ReadinessState.REFUSING_TRAFFIC);
        try {
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(api.get("/actuator/health").status()).isEqualTo(503);
            assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            org.springframework.boot.availability.AvailabilityChangeEvent.publish(context,
                    org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void publicHealthShowsTheStatusOnlyAndReadinessIncludesTheDatabase() {
        Api.Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("no components for the public").isFalse();

        String operator = api.token("operator-dev", "dev");
        Api.Response readiness = api.get("/actuator/health/readiness", operator);
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("readinessState").get("status").asText()).isEqualTo("UP");
        assertThat(components.has("kafka")).as("Kafka is not configured here").isFalse();
        assertThat(components.has("livekit")).as("LiveKit is not configured here").isFalse();

        Api.Response liveness = api.get("/actuator/health/liveness", operator);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(names(liveness.json().get("components"))).as("liveness depends on nothing outside")
                .containsExactly("livenessState");

        String staff = api.token("leer-dev", "dev");
        assertThat(api.get("/actuator/health/readiness", staff).json().has("components"))
                .as("staff of a tenant see the status only").isFalse();
    }

    @Test
    void theScrapeOnTheApplicationPortIsForTheOperatorOnly() {
        gauges.refresh();
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", api.token("leer-dev", "dev")).status()).isEqualTo(403);
        Api.Response scrape = api.get("/actuator/prometheus", api.token("operator-dev", "dev"));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body()).contains("amtsraum_eventprocessor_lag_events{processor=\"consultation-policies\"}");
    }

    @Test
    void bookingsShredsAndOverdueDeadlinesAreCountedWithoutPersonalDataInLabels() {
        String operator = api.token("operator-dev", "dev");
        // Deadlines another test left due are run first: this test starts from no overdue deadline.
        retention.runDue();
        gauges.refresh();
        Map<String, Double> before = scrape(operator);
        assertThat(value(before, "amtsraum_retention_deadlines_overdue", "tenant=leer")).isZero();

        Instant taken = clock.instant();
        String run = UUID.randomUUID().toString();
        String canary = "Kanarienvogel-" + run;
        List<String> forbidden = new ArrayList<>(List.of(canary, "@example.org", "Erika", "Mustermann"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String email = "obs-" + i + "-" + run + "@example.org";
            JsonNode slot = BookingFixtures.freeSlot(api, "leer", "video-pflegeberatung", clock.instant(), 1);
            ObjectNode form = BookingFixtures.leer("video-pflegeberatung", slot.get("start").asText(), email);
            ids.add(BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "leer", form));
            forbidden.add(email);
        }
        Api.Response cancelled = api.post("/api/v1/tenants/leer/appointments/" + ids.get(1) + "/cancel",
                api.token("leer-dev", "dev"), "application/json", "{\"reason\":\"" + canary + "\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        for (String id : ids) {
            forbidden.add(id);
            forbidden.add(jdbc.queryForObject("select subject_id from appointment where appointment_id = ?",
                    String.class, id));
        }

        // Leer erases name and e-mail seven days after they were taken: two minutes past that, with the
        // retention runner not yet run, the deadlines are overdue (more than one retention interval).
        clock.set(taken.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(2)));
        gauges.refresh();
        Map<String, Double> overdue = scrape(operator);
        assertThat(value(overdue, "amtsraum_retention_deadlines_overdue", "tenant=leer")).isGreaterThanOrEqualTo(2);

        retention.runDue();
        gauges.refresh();
        Map<String, Double> after = scrape(operator);
        assertThat(value(after, "amtsraum_retention_deadlines_overdue", "tenant=leer")).isZero();
        assertThat(delta(before, after, "amtsraum_bookings_confirmed_total", "tenant=leer")).isEqualTo(2);
        assertThat(delta(before, after, "amtsraum_bookings_cancelled_total", "cause=STAFF", "tenant=leer")).isEqualTo(1);
        assertThat(delta(before, after, "amtsraum_privacy_shreds_total", "cause=RETENTION", "tenant=leer"))
                .isGreaterThanOrEqualTo(2);

        String body = api.get("/actuator/prometheus", operator).body();
        List<String> labelValues = labelValues(body);
        assertThat(labelValues).isNotEmpty();
        for (String value : labelValues) {
            for (String word : forbidden) {
                assertThat(value).as("label value in the scrape").doesNotContainIgnoringCase(word);
            }
            assertThat(value).as("no id in a label").doesNotContainPattern(UUID_LIKE).doesNotContain("@");
        }
    }

    @Test
    void processorLagRisesWhileATrackingProcessorIsStoppedAndFallsWhenItRuns() {
        String operator = api.token("operator-dev", "dev");
        StreamingEventProcessor policies = processing.eventProcessor("consultation-policies", StreamingEventProcessor.class)
                .orElseThrow();
        policies.shutDown();
        try {
            JsonNode slot = BookingFixtures.freeSlot(api, "leer", "video-pflegeberatung", clock.instant(), 1);
            Api.Response held = BookingFixtures.book(api, "leer", BookingFixtures.leer("video-pflegeberatung",
                    slot.get("start").asText(), "lag-" + UUID.randomUUID() + "@example.org"));
            assertThat(held.status()).as(held.body()).isEqualTo(202);
            gauges.refresh();
            assertThat(value(scrape(operator), "amtsraum_eventprocessor_lag_events", "processor=consultation-policies"))
                    .isGreaterThanOrEqualTo(1);
        } finally {
            policies.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            gauges.refresh();
            assertThat(value(scrape(operator), "amtsraum_eventprocessor_lag_events", "processor=consultation-policies"))
                    .isZero();
        });
    }

    @Test
    void anInboundTraceparentIsInTheLogLinesAndTheResponse(CapturedOutput output) throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parent = HexFormat.of().formatHex(randomBytes(8));
        int from = output.getAll().length();
        ObjectNode form = BookingFixtures.leer("video-pflegeberatung",
                BookingFixtures.freeSlot(api, "leer", "video-pflegeberatung", clock.instant(), 1).get("start").asText(),
                "trace-" + UUID.randomUUID() + "@example.org");
        form.put("proofOfWork", BookingFixtures.solve(api, "leer"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/api/v1/tenants/leer/appointments"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + parent + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("X-Trace-Id")).contains(traceId);

        // The confirmation mail is sent off the request thread; its log lines carry the request's trace id.
        List<String> traced = await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().substring(from).lines()
                .filter(line -> line.contains("\"traceId\":\"" + traceId + "\"")).toList(),
                lines -> lines.stream().anyMatch(line -> line.contains("Mail captured")));
        assertThat(traced).allSatisfy(line -> assertThat(line).startsWith("{").contains("\"spanId\":\""));

        Api.Response fresh = api.get("/api/v1/tenants");
        String other = fresh.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(other).matches("[0-9a-f]{32}").isNotEqualTo(traceId);
        assertThat(api.get("/api/v1/operator/tenants").headers().firstValue("X-Trace-Id"))
                .as("error responses carry it too").isPresent();
        assertThat(context.getBeanNamesForType(io.opentelemetry.sdk.trace.export.SpanExporter.class))
                .as("spans are not exported anywhere").isEmpty();
    }

    /**
     * Kafka and LiveKit configured, a separate management port. While both answer, readiness is UP
     * with both components UP. With the broker stopped and LiveKit gone the instance stays ready
     * (200), shows both as DEGRADED to the operator, keeps booking, and reports the undelivered
     * handover as delivery lag; once a broker is back the handover is delivered and the lag is gone.
     * The scrape is open on the management port only.
     */
    @Test
    void kafkaAndLiveKitDownDegradeTheInstanceButKeepItInService() throws Exception {
        KafkaBroker kafka = KafkaBroker.onFreePort();
        LiveKitServer livekit = LiveKitServer.prepare();
        kafka.start();
        int management = LocalPorts.free();
        Map<String, String> settings = new HashMap<>();
        settings.put("amtsraum.data-dir", TemporaryDataDirectory.create().toString());
        settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        settings.put("amtsraum.handover.delivery-timeout", "PT3S");
        settings.put("amtsraum.livekit.url", livekit.url());
        settings.put("amtsraum.livekit.api-key", livekit.apiKey());
        settings.put("amtsraum.livekit.api-secret", livekit.apiSecret());
        settings.put("amtsraum.observability.health-timeout", "PT1S");
        settings.put("amtsraum.observability.health-cache", "PT0S");
        settings.put("management.server.port", String.valueOf(management));
        try (PlatformInstance instance = PlatformInstance.start(settings); kafka; livekit) {
            Api app = instance.api();
            Api mgmt = new Api(management);
            livekit.startFor(URI.create(app.baseUrl()).getPort());
            String operator = app.token("operator-dev", "dev");

            // Checks run off the probe's thread; a probe gets the latest finished result.
            Api.Response up = await().atMost(Duration.ofSeconds(10)).until(
                    () -> mgmt.get("/actuator/health/readiness", operator),
                    response -> response.json().get("status").asText().equals("UP"));
            assertThat(up.status()).as(up.body()).isEqualTo(200);
            assertThat(up.json().get("components").get("kafka").get("status").asText()).isEqualTo("UP");
            assertThat(up.json().get("components").get("livekit").get("status").asText()).isEqualTo("UP");
            Map<String, Double> healthy = samples(mgmt.get("/actuator/prometheus").body());
            assertThat(value(healthy, "amtsraum_dependency_up", "dependency=kafka")).isEqualTo(1);
            assertThat(value(healthy, "amtsraum_dependency_up", "dependency=livekit")).isEqualTo(1);

            kafka.stop();
            livekit.close();

            Api.Response readiness = await().atMost(Duration.ofSeconds(10)).until(
                    () -> mgmt.get("/actuator/health/readiness"),
                    response -> response.json().get("status").asText().equals("DEGRADED"));
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.json().has("components")).as("status only without a token").isFalse();
            Api.Response liveness = mgmt.get("/actuator/health/liveness");
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
            assertThat(mgmt.get("/actuator/health").status()).isEqualTo(200);

            long started = System.nanoTime();
            JsonNode components = mgmt.get("/actuator/health/readiness", operator).json().get("components");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a probe never waits for a dead broker")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
            assertThat(components.get("kafka").get("status").asText()).isEqualTo("DEGRADED");
            assertThat(components.get("livekit").get("status").asText()).isEqualTo("DEGRADED");
            assertThat(components.toString()).as("no address in the details").doesNotContain("127.0.0.1");

            // Booking is unaffected.
            MutableClock instanceClock = instance.bean(MutableClock.class);
            JsonNode slot = BookingFixtures.freeSlot(app, "heilbronn", "video-kfz-zulassung", instanceClock.instant(), 1);
            Api.Response held = BookingFixtures.book(app, "heilbronn", BookingFixtures.heilbronn("video-kfz-zulassung",
                    slot.get("start").asText(), "degraded-" + UUID.randomUUID() + "@example.org"));
            assertThat(held.status()).as(held.body()).isEqualTo(202);

            // A handover that cannot be delivered is delivery lag.
            String caseId = UUID.randomUUID().toString();
            ConsultationCaseHandedOver handover = new ConsultationCaseHandedOver("heilbronn", caseId,
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), "videoberatung", "COMPLETED",
                    "{\"notes\":[\"x\"],\"identityDocumentShown\":false}", instanceClock.instant().truncatedTo(ChronoUnit.MILLIS));
            instance.bean(TransactionTemplate.class).executeWithoutResult(status -> instance.bean(EventStore.class)
                    .publish(new GenericDomainEventMessage<>("ConsultationCase", caseId, 0, handover)));
            instanceClock.advance(Duration.ofMinutes(5));
            MetricGauges instanceGauges = instance.bean(MetricGauges.class);
            instanceGauges.refresh();

            assertThat(app.get("/actuator/prometheus").status()).as("no scrape on the application port").isNotEqualTo(200);
            Api.Response scrape = mgmt.get("/actuator/prometheus");
            assertThat(scrape.status()).isEqualTo(200);
            Map<String, Double> samples = samples(scrape.body());
            assertThat(value(samples, "amtsraum_dependency_up", "dependency=kafka")).isZero();
            assertThat(value(samples, "amtsraum_dependency_up", "dependency=livekit")).isZero();
            assertThat(value(samples, "amtsraum_handover_pending", "tenant=heilbronn")).isEqualTo(1);
            assertThat(value(samples, "amtsraum_handover_pending_oldest_age_seconds", "tenant=heilbronn"))
                    .isGreaterThanOrEqualTo(300);
            assertThat(value(samples, "amtsraum_eventprocessor_lag_events", "processor=handover-publisher"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(mgmt.get("/actuator/env").status()).as("nothing else on the management port").isNotEqualTo(200);

            // A broker on the same address again: the handover is delivered, the lag is gone.
            kafka.start();
            await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> {
                instanceGauges.refresh();
                Map<String, Double> now = samples(mgmt.get("/actuator/prometheus").body());
                assertThat(value(now, "amtsraum_handover_pending", "tenant=heilbronn")).isZero();
                assertThat(value(now, "amtsraum_handover_pending_oldest_age_seconds", "tenant=heilbronn")).isZero();
                assertThat(value(now, "amtsraum_dependency_up", "dependency=kafka")).isEqualTo(1);
            });
        }
    }

    private Map<String, Double> scrape(String operator) {
        Api.Response response = api.get("/actuator/prometheus", operator);
        assertThat(response.status()).isEqualTo(200);
        return samples(response.body());
    }

    /** Sample key: name plus its labels sorted, as {@code name|a=x|b=y}. */
    private static Map<String, Double> samples(String body) {
        Map<String, Double> samples = new HashMap<>();
        body.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find()) {
                List<String> labels = new ArrayList<>();
                if (sample.group(3) != null) {
                    Matcher label = LABEL.matcher(sample.group(3));
                    while (label.find()) {
                        labels.add(label.group(1) + "=" + label.group(2));
                    }
                }
                labels.sort(null);
                samples.put(sample.group(1) + (labels.isEmpty() ? "" : "|" + String.join("|", labels)),
                        Double.parseDouble(sample.group(4)));
            }
        });
        return samples;
    }

    private static double value(Map<String, Double> samples, String name, String... labels) {
        return samples.getOrDefault(name + "|" + String.join("|", labels), 0.0);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String... labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    private static List<String> labelValues(String body) {
        List<String> values = new ArrayList<>();
        body.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            int open = line.indexOf('{');
            int close = line.lastIndexOf('}');
            if (open >= 0 && close > open) {
                Matcher label = LABEL.matcher(line.substring(open + 1, close));
                while (label.find()) {
                    values.add(label.group(2));
                }
            }
        });
        return values;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

}
