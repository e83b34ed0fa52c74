package de.amtsraum.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.support.KafkaBroker;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault (c): the Kafka broker is down for {@code amtsraum.faults.kafka-outage} (default PT5M). Staff
 * keep handing cases over meanwhile ({@code amtsraum.faults.kafka-handovers}, default 10, spread
 * evenly over the outage), through the real case service. Nothing is recorded as published while
 * the broker is away; once a broker is back on the same address (a fresh, empty one: the platform
 * creates its topic again) every handover raised meanwhile arrives, each with its own eventId. The
 * publisher runs with the default delivery timeout (30 s).
 */
class KafkaOutageFault {

    private static final String TENANT = "heilbronn";
    private static final String TOPIC = "amtsraum.heilbronn.case-handover.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Longer than the suite's default of 5 minutes: the outage alone takes that long. */
    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void everyHandoverRaisedDuringTheOutageIsDeliveredAfterIt() throws Exception {
        Duration outage = Duration.parse(System.getProperty("amtsraum.faults.kafka-outage", "PT5M"));
        int count = Integer.getInteger("amtsraum.faults.kafka-handovers", 10);
        FaultFigures figures = new FaultFigures("kafka-outage").put("outage_s", FaultFigures.seconds(outage));
        boolean passed = false;
        KafkaBroker kafka = KafkaBroker.onFreePort();
        kafka.start();
        Map<String, String> settings = Map.of(
                "amtsraum.data-dir", TemporaryDataDirectory.create().toString(),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "amtsraum.public-url", "https://amtsraum.example.de");
        try (PlatformInstance app = PlatformInstance.start(settings)) {
            ConsultationCases cases = app.bean(ConsultationCases.class);
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            String warmUp = handOver(cases);
            awaitDelivered(kafka, Set.of(warmUp), Duration.ofSeconds(120));

            long down = System.nanoTime();
            kafka.stop();
            Set<String> raised = new LinkedHashSet<>();
            Duration step = outage.dividedBy(count);
            for (int i = 0; i < count; i++) {
                // Handovers come in over the whole outage, as staff would close cases: real wall-clock time.
                long due = down + step.multipliedBy(i).toNanos();
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                raised.add(handOver(cases));
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, down + outage.toNanos() - System.nanoTime()));
            Integer publishedDuring = jdbc.queryForObject("select count(*) from case_handover where handover_id in ("
                    + String.join(",", raised.stream().map(id -> "'" + id + "'").toList()) + ")", Integer.class);

            long up = System.nanoTime();
            kafka.start();
            Map<String, Integer> copies = awaitDelivered(kafka, raised, Duration.ofMinutes(5));
            double deliveredAfter = FaultFigures.seconds(up, System.nanoTime());
            Integer recorded = jdbc.queryForObject("select count(*) from case_handover where handover_id in ("
                    + String.join(",", raised.stream().map(id -> "'" + id + "'").toList()) + ")", Integer.class);
            Set<String> delivered = new LinkedHashSet<>(copies.keySet());
            delivered.retainAll(raised);
            List<String> missing = new ArrayList<>(raised);
            missing.removeAll(delivered);

            figures.put("broker_down_s", FaultFigures.seconds(down, up))
                    .put("handovers_raised_during_outage", raised.size())
                    .put("recorded_as_published_during_outage", publishedDuring)
                    .put("delivered_distinct", delivered.size())
                    .put("lost", missing.size())
                    .put("copies_on_topic", copies.values().stream().mapToInt(Integer::intValue).sum())
                    .put("all_delivered_after_broker_start_s", deliveredAfter)
                    .put("recorded_as_published_after", recorded);

            assertThat(publishedDuring).as("recorded as published while the broker was down").isZero();
            assertThat(missing).as("handovers raised during the outage and never delivered").isEmpty();
            assertThat(recorded).as("recorded as published after the outage").isEqualTo(raised.size());
            passed = true;
        } finally {
            figures.write(passed);
            kafka.close();
        }
    }

    private static String handOver(ConsultationCases cases) {
        String caseId = cases.open(TENANT, null);
        cases.addNote(TENANT, caseId, "Ausfalltest " + UUID.randomUUID(), true);
        cases.recordOutcome(TENANT, caseId, "COMPLETED", null);
        return cases.handOver(TENANT, caseId);
    }

    /** Waits until every expected eventId is on the topic; returns the copies per eventId seen. */
    private static Map<String, Integer> awaitDelivered(KafkaBroker kafka, Set<String> expected, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> copies = new HashMap<>();
        while (System.nanoTime() < deadline) {
            copies = new TreeMap<>();
            if (kafka.topics().contains(TOPIC)) {
                for (ConsumerRecord<byte[], byte[]> record : kafka.records(TOPIC)) {
                    JsonNode message = JSON.readTree(record.value());
                    copies.merge(message.get("eventId").asText(), 1, Integer::sum);
                }
            }
            if (copies.keySet().containsAll(expected)) {
                return copies;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return copies;
    }
}
