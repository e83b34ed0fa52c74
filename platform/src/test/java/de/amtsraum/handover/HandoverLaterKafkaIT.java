package de.amtsraum.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.support.Api;
import de.amtsraum.support.KafkaBroker;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Handovers recorded while the publisher is off wait in the event store and are delivered once it
 * is on: the platform runs with a reachable broker but {@code amtsraum.handover.enabled=false} (no
 * processor, no token, no topic), a case is handed over, the platform stops; started again on the
 * same data directory with the publisher on, it delivers that handover and the receiver redeems it.
 */
class HandoverLaterKafkaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "amtsraum.heilbronn.case-handover.v1";

    @Test
    void handoversRecordedWhileThePublisherWasOffAreDeliveredWhenItIsOn() throws Exception {
        Path dataDir = TemporaryDataDirectory.create();
        String caseId = UUID.randomUUID().toString();
        String canary = "Kanarienvogel-" + UUID.randomUUID();
        try (KafkaBroker kafka = KafkaBroker.onFreePort()) {
            kafka.start();
            Map<String, String> off = Map.of("amtsraum.data-dir", dataDir.toString(),
                    "spring.kafka.bootstrap-servers", kafka.bootstrapServers(), "amtsraum.handover.enabled", "false");
            try (PlatformInstance platform = PlatformInstance.start(off)) {
                ConsultationCaseHandedOver event = new ConsultationCaseHandedOver("heilbronn", caseId,
                        UUID.randomUUID().toString(), UUID.randomUUID().toString(), "videoberatung", "COMPLETED",
                        "{\"notes\":[\"" + canary + "\"],\"identityDocumentShown\":false}",
                        Instant.now().truncatedTo(ChronoUnit.MILLIS));
                platform.bean(TransactionManager.class).executeInTransaction(() -> platform.bean(EventStore.class)
                        .publish(new GenericDomainEventMessage<>("ConsultationCase", caseId, 0, event)));

                assertThat(platform.bean(EventProcessingConfiguration.class).eventProcessor("handover-publisher"))
                        .as("switched off: no processor").isEmpty();
                assertThat(platform.bean(JdbcTemplate.class).queryForObject(
                        "select count(*) from token_entry where processor_name = 'handover-publisher'", Integer.class))
                        .isZero();
            }
            assertThat(kafka.topics()).doesNotContain(TOPIC);

            Map<String, String> on = Map.of("amtsraum.data-dir", dataDir.toString(),
                    "spring.kafka.bootstrap-servers", kafka.bootstrapServers());
            try (PlatformInstance platform = PlatformInstance.start(on)) {
                List<ConsumerRecord<byte[], byte[]>> records = await().atMost(Duration.ofSeconds(60))
                        .until(() -> kafka.topics().contains(TOPIC) ? kafka.records(TOPIC).stream()
                                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(caseId)).toList()
                                : List.<ConsumerRecord<byte[], byte[]>>of(), list -> !list.isEmpty());

                String reference = JSON.readTree(records.getFirst().value()).get("reference").asText();
                Api api = platform.api();
                Api.Response redeemed = api.post("/api/v1/tenants/heilbronn/handovers/redemptions",
                        api.token("heilbronn-fachverfahren", "dev"), "application/json",
                        "{\"reference\":\"" + reference + "\"}");
                assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
                assertThat(redeemed.json().get("content").get("notes").get(0).asText()).isEqualTo(canary);
            }
        }
    }
}
