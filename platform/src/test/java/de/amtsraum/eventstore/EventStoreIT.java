package de.amtsraum.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.shared.TenantScoped;
import de.amtsraum.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends and reads through the Axon tables that Liquibase creates, with the Jackson serializer
 * (dead letters: PersonalDataSerializationIT, which also checks their sealing).
 */
@PlatformTest
class EventStoreIT {

    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    SagaStore<Object> sagaStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    record ProbeRecorded(String tenantId, String note) implements TenantScoped {
    }

    record NotScoped(String note) {
    }

    public static class ProbeSaga {
        public String tenantId = "leer";
        public int step = 3;
    }

    @Test
    void storesTenantIdInPayloadAndMetadataAsJson() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        transactions.executeInTransaction(() -> eventStore.publish(new GenericDomainEventMessage<>("Probe", aggregate, 0,
                new ProbeRecorded("leer", "first"))));

        Map<String, Object> row = jdbc.queryForMap(
                "select payload, meta_data, payload_type from domain_event_entry where aggregate_identifier = ?", aggregate);
        JsonNode payload = json.readTree(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
        JsonNode metadata = json.readTree(new String((byte[]) row.get("meta_data"), StandardCharsets.UTF_8));
        assertThat(payload.get("tenantId").asText()).isEqualTo("leer");
        assertThat(metadata.get(TenantScoped.METADATA_KEY).asText()).isEqualTo("leer");
        assertThat(eventStore.readEvents(aggregate).next().getPayload()).isEqualTo(new ProbeRecorded("leer", "first"));
    }

    @Test
    void tenantEventsFromOnboardingCarryTheTenantInMetadata() throws Exception {
        byte[] metadata = jdbc.queryForObject(
                "select meta_data from domain_event_entry where aggregate_identifier = 'coburg' and sequence_number = 0",
                byte[].class);

        assertThat(json.readTree(metadata).get(TenantScoped.METADATA_KEY).asText()).isEqualTo("coburg");
    }

    @Test
    void refusesAnEventWithoutTenant() {
        assertThatThrownBy(() -> transactions.executeInTransaction(() ->
                eventStore.publish(GenericEventMessage.asEventMessage(new NotScoped("orphan")))))
                .hasMessageContaining("TenantScoped");
    }

    @Test
    void refusesAnEventWhoseMetadataNamesAnotherTenant() {
        var event = new GenericDomainEventMessage<>("Probe", UUID.randomUUID().toString(), 0,
                new ProbeRecorded("leer", "x"), MetaData.with(TenantScoped.METADATA_KEY, "coburg"));

        assertThatThrownBy(() -> transactions.executeInTransaction(() -> eventStore.publish(event)))
                .hasMessageContaining("agree");
    }

    @Test
    void storesAndReadsSnapshots() {
        String aggregate = UUID.randomUUID().toString();
        transactions.executeInTransaction(() -> {
            eventStore.publish(new GenericDomainEventMessage<>("Probe", aggregate, 0, new ProbeRecorded("leer", "a")));
            eventStore.storeSnapshot(new GenericDomainEventMessage<>("Probe", aggregate, 0,
                    new ProbeRecorded("leer", "snapshot")));
        });

        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Integer.class, aggregate)).isEqualTo(1);
        assertThat(eventStore.readEvents(aggregate).next().getPayload())
                .isEqualTo(new ProbeRecorded("leer", "snapshot"));
    }

    @Test
    void storesTrackingTokensWithClaims() {
        String processor = "probe-" + UUID.randomUUID();
        transactions.executeInTransaction(() -> tokenStore.initializeTokenSegments(processor, 2));
        transactions.executeInTransaction(() -> tokenStore.storeToken(new GlobalSequenceTrackingToken(7), processor, 1));

        assertThat(transactions.fetchInTransaction(() -> tokenStore.fetchToken(processor, 1)))
                .isEqualTo(new GlobalSequenceTrackingToken(7));
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                processor)).isEqualTo(2);
    }

    @Test
    void storesAndLoadsSagas() {
        String sagaId = UUID.randomUUID().toString();
        var associations = new AssociationValuesImpl(java.util.Set.of(new AssociationValue("caseId", "c-1")));
        transactions.executeInTransaction(() -> sagaStore.insertSaga(Object.class, sagaId, new ProbeSaga(),
                associations.asSet()));

        Object loaded = transactions.fetchInTransaction(() -> sagaStore.loadSaga(Object.class, sagaId).saga());
        assertThat(loaded).isInstanceOfSatisfying(ProbeSaga.class, saga -> assertThat(saga.step).isEqualTo(3));
        assertThat(transactions.fetchInTransaction(() ->
                sagaStore.findSagas(Object.class, new AssociationValue("caseId", "c-1")))).contains(sagaId);
    }
}
