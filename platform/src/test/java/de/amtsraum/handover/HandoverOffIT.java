package de.amtsraum.handover;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.support.Api;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Without Kafka (the default run and every other test context) the platform runs without the
 * publisher: no handover-publisher processor and no token, a handover stays in the event store
 * unpublished, and redemption answers 404 for references it has never issued.
 */
@PlatformTest
class HandoverOffIT {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void withoutKafkaHandoversWaitInTheEventStore() {
        String caseId = UUID.randomUUID().toString();
        ConsultationCaseHandedOver event = new ConsultationCaseHandedOver("heilbronn", caseId,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, null,
                "{\"notes\":[],\"identityDocumentShown\":false}", clock.instant().truncatedTo(ChronoUnit.MILLIS));
        transactions.executeInTransaction(() -> eventStore.publish(
                new GenericDomainEventMessage<>("ConsultationCase", caseId, 0, event)));

        assertThat(processing.eventProcessor("handover-publisher")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = 'handover-publisher'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from case_handover where case_id = ?", Integer.class, caseId))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, caseId)).as("waiting in the event store").isEqualTo(1);

        Api api = new Api(port);
        Api.Response unknown = api.post("/api/v1/tenants/heilbronn/handovers/redemptions",
                api.token("heilbronn-fachverfahren", "dev"), "application/json",
                "{\"reference\":\"" + "x".repeat(43) + "\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
