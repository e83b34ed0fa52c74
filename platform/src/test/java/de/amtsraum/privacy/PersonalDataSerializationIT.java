package de.amtsraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.PersonalData;
import de.amtsraum.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path Axon writes through — events, snapshots, sagas, dead letters — stores personal fields
 * sealed, reads them back in plaintext while the key lives, and as the redaction value once it is
 * shredded, without an exception; a full replay of the store keeps working.
 */
@PlatformTest
class PersonalDataSerializationIT {

    private static final String TENANT = "helbra";

    @Autowired
    EventStore eventStore;
    @Autowired
    SagaStore<Object> sagaStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubjectKeys keys;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    DeadLetterSchema deadLetterSchema;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    PersonalDataCipher cipherBean;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactionTemplate;

    record NoteTaken(String tenantId, @DataSubject String subjectId, @PersonalData(DataKind.CONTACT_REQUEST) String note)
            implements TenantScoped {
    }

    /** Two categories (Helbra: contact-request, submission-technical-data), one field nested. */
    record Submitted(String tenantId, @DataSubject String subjectId,
                     @PersonalData(DataKind.CONTACT_REQUEST) String name,
                     @PersonalData(DataKind.SUBMISSION_METADATA) String ip,
                     @PersonalData(DataKind.CONTACT_REQUEST) String email,
                     Address address,
                     @PersonalData(DataKind.CONTACT_REQUEST) String phone) implements TenantScoped {
    }

    record Address(@PersonalData(DataKind.CONTACT_REQUEST) String street) {
    }

    /** Saga-like state with personal data, as a saga or an aggregate snapshot would hold it. */
    public static class CaseState {
        public String tenantId = TENANT;
        @DataSubject
        public String subjectId;
        @PersonalData(DataKind.CONTACT_REQUEST)
        public String note;
    }

    String subject;
    String secret;

    @BeforeEach
    void setUp() {
        subject = UUID.randomUUID().toString();
        secret = "Vertraulich " + subject;
    }

    @Test
    void eventsAndSnapshotsAreSealedAndRedactedAfterShredding() {
        String aggregate = UUID.randomUUID().toString();
        transactions.executeInTransaction(() -> {
            eventStore.publish(new GenericDomainEventMessage<>("Case", aggregate, 0, new NoteTaken(TENANT, subject, secret)));
            eventStore.storeSnapshot(new GenericDomainEventMessage<>("Case", aggregate, 0,
                    new NoteTaken(TENANT, subject, secret + " (snapshot)")));
        });
        assertThat(rawPayloads("domain_event_entry", aggregate)).noneMatch(p -> p.contains(secret));
        assertThat(rawPayloads("snapshot_event_entry", aggregate)).noneMatch(p -> p.contains(secret));
        assertThat(((NoteTaken) eventStore.readEvents(aggregate).next().getPayload()).note())
                .isEqualTo(secret + " (snapshot)");

        keys.shredAll(TENANT, subject, ShredCause.ERASURE_REQUEST);

        assertThat(((NoteTaken) eventStore.readEvents(aggregate).next().getPayload()).note())
                .isEqualTo(Redaction.VALUE);
        assertThat(eventStore.readEvents(aggregate, 0).asStream().map(e -> ((NoteTaken) e.getPayload()).note()))
                .containsOnly(Redaction.VALUE);
    }

    @Test
    void sagasAreSealedAndRedactedAfterShredding() {
        String sagaId = UUID.randomUUID().toString();
        CaseState state = new CaseState();
        state.subjectId = subject;
        state.note = secret;
        transactions.executeInTransaction(() -> sagaStore.insertSaga(Object.class, sagaId, state,
                Set.of(new AssociationValue("subject", subject))));
        byte[] stored = jdbc.queryForObject("select serialized_saga from saga_entry where saga_id = ?", byte[].class, sagaId);
        assertThat(new String(stored)).doesNotContain(secret).contains("ar2:contact-request:note:");
        assertThat(load(sagaId).note).isEqualTo(secret);

        keys.shredAll(TENANT, subject, ShredCause.ERASURE_REQUEST);

        assertThat(load(sagaId).note).isEqualTo(Redaction.VALUE);
    }

    @Test
    void deadLettersAreSealedAndRedactedAfterShredding() {
        var queue = JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup("probe-" + UUID.randomUUID())
                .connectionProvider(connectionProvider)
                .transactionManager(transactions)
                .schema(deadLetterSchema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
        var event = new GenericDomainEventMessage<>("Case", UUID.randomUUID().toString(), 0,
                new NoteTaken(TENANT, subject, secret));
        queue.enqueue("sequence", new GenericDeadLetter<>("sequence", event, new IllegalStateException("failed")));
        assertThat(jdbc.queryForList("select payload from dead_letter_entry where sequence_identifier = 'sequence'",
                byte[].class)).noneMatch(payload -> new String(payload).contains(secret));
        assertThat(note(queue)).isEqualTo(secret);

        keys.shredAll(TENANT, subject, ShredCause.ERASURE_REQUEST);

        assertThat(note(queue)).isEqualTo(Redaction.VALUE);
    }

    @Test
    void aKeyCreatedInARolledBackTransactionIsNotUsedAfterwards() {
        PersonalDataCipher cipher = cipherBean;
        transactionTemplate.executeWithoutResult(status -> {
            cipher.seal(TENANT, subject, DataKind.CONTACT_REQUEST, "note", secret);
            status.setRollbackOnly();
        });

        String sealed = cipher.seal(TENANT, subject, DataKind.CONTACT_REQUEST, "note", secret);

        assertThat(jdbc.queryForObject("select count(*) from subject_key where subject_id = ?", Integer.class, subject))
                .as("the key of the committed seal is stored").isEqualTo(1);
        assertThat(cipher.open(TENANT, subject, "note", sealed)).isEqualTo(secret);
    }

    @Test
    void aFullReplayReadsEveryStoredEventWithoutError() {
        transactions.executeInTransaction(() -> eventStore.publish(new GenericDomainEventMessage<>("Case",
                UUID.randomUUID().toString(), 0, new NoteTaken(TENANT, subject, secret))));
        keys.shredAll(TENANT, subject, ShredCause.ERASURE_REQUEST);

        long read = 0;
        try (var stream = eventStore.openStream(null)) {
            // A tracking stream waits for new events forever; read what is there now.
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                assertThat(event.getPayload()).isNotNull();
                read++;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }

        assertThat(read).isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
    }

    @Test
    void fieldsOfOneCategoryAreSealedTogetherAndRedactedPerCategory() throws Exception {
        Submitted submitted = new Submitted(TENANT, subject, secret, "192.0.2.7", "erika@example.org",
                new Address("Hauptstraße 1"), null);
        byte[] bytes = eventSerializer.serialize(submitted, byte[].class).getData();
        JsonNode stored = new ObjectMapper().readTree(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(secret, "192.0.2.7", "erika@", "Hauptstraße");
        assertThat(stored.get("name").asText()).startsWith("ar2:contact-request:name,email,address.street:");
        assertThat(stored.get("email").asText()).isEqualTo("ar2:contact-request:=");
        assertThat(stored.at("/address/street").asText()).isEqualTo("ar2:contact-request:=");
        assertThat(stored.get("ip").asText()).startsWith("ar2:submission-technical-data:ip:");
        assertThat(stored.get("phone").isNull()).isTrue();
        assertThat(read(bytes, Submitted.class)).isEqualTo(submitted);

        keys.shred(TENANT, subject, "submission-technical-data", ShredCause.ERASURE_REQUEST);

        assertThat(read(bytes, Submitted.class)).isEqualTo(new Submitted(TENANT, subject, secret, Redaction.VALUE,
                "erika@example.org", new Address("Hauptstraße 1"), null));

        keys.shredAll(TENANT, subject, ShredCause.ERASURE_REQUEST);

        assertThat(read(bytes, Submitted.class)).isEqualTo(new Submitted(TENANT, subject, Redaction.VALUE,
                Redaction.VALUE, Redaction.VALUE, new Address(Redaction.VALUE), null));
    }

    @Test
    void fieldsSealedTogetherCannotBeMovedOrReordered() throws Exception {
        Submitted submitted = new Submitted(TENANT, subject, secret, "192.0.2.7", "erika@example.org",
                new Address("Hauptstraße 1"), null);
        ObjectMapper json = new ObjectMapper();
        ObjectNode stored = (ObjectNode) json.readTree(eventSerializer.serialize(submitted, byte[].class).getData());
        String first = stored.get("name").asText();

        ObjectNode reordered = stored.deepCopy();
        reordered.put("name", first.replace(":name,email,", ":email,name,"));
        assertThat(read(json.writeValueAsBytes(reordered), Submitted.class))
                .as("a changed field list does not authenticate")
                .isEqualTo(new Submitted(TENANT, subject, Redaction.VALUE, "192.0.2.7", Redaction.VALUE,
                        new Address(Redaction.VALUE), null));

        ObjectNode moved = stored.deepCopy();
        moved.put("phone", "ar2:contact-request:=");
        assertThat(read(json.writeValueAsBytes(moved), Submitted.class).phone())
                .as("a field the group does not name reads as erased").isEqualTo(Redaction.VALUE);

        ObjectNode otherSubject = stored.deepCopy();
        otherSubject.put("subjectId", UUID.randomUUID().toString());
        assertThat(read(json.writeValueAsBytes(otherSubject), Submitted.class).email()).isEqualTo(Redaction.VALUE);

        ObjectNode otherCategory = stored.deepCopy();
        otherCategory.put("ip", stored.get("ip").asText().replace("ar2:submission-technical-data:", "ar2:contact-request:"));
        assertThat(read(json.writeValueAsBytes(otherCategory), Submitted.class).ip()).isEqualTo(Redaction.VALUE);
    }

    @Test
    void valuesSealedFieldByFieldStillOpen() throws Exception {
        // ar1: what the serializer wrote before ar2, one AEAD value per field
        String name = cipherBean.seal(TENANT, subject, DataKind.CONTACT_REQUEST, "name", secret);
        String street = cipherBean.seal(TENANT, subject, DataKind.CONTACT_REQUEST, "address.street", "Hauptstraße 1");
        String ip = cipherBean.seal(TENANT, subject, DataKind.SUBMISSION_METADATA, "ip", "192.0.2.7");
        ObjectNode legacy = new ObjectMapper().createObjectNode()
                .put("tenantId", TENANT).put("subjectId", subject).put("name", name).put("ip", ip)
                .put("email", "ar1:contact-request:AAAA").putNull("phone");
        legacy.putObject("address").put("street", street);
        byte[] bytes = new ObjectMapper().writeValueAsBytes(legacy);

        assertThat(read(bytes, Submitted.class)).isEqualTo(new Submitted(TENANT, subject, secret, "192.0.2.7",
                Redaction.VALUE, new Address("Hauptstraße 1"), null));

        keys.shred(TENANT, subject, "contact-request", ShredCause.ERASURE_REQUEST);

        assertThat(read(bytes, Submitted.class)).isEqualTo(new Submitted(TENANT, subject, Redaction.VALUE, "192.0.2.7",
                Redaction.VALUE, new Address(Redaction.VALUE), null));
    }

    private <T> T read(byte[] bytes, Class<T> type) {
        return type.cast(eventSerializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                eventSerializer.typeForClass(type))));
    }

    private CaseState load(String sagaId) {
        return (CaseState) transactions.fetchInTransaction(() -> sagaStore.loadSaga(Object.class, sagaId).saga());
    }

    private static String note(JdbcSequencedDeadLetterQueue<EventMessage<?>> queue) {
        return ((NoteTaken) queue.deadLetterSequence("sequence").iterator().next().message().getPayload()).note();
    }

    private java.util.List<String> rawPayloads(String table, String aggregate) {
        return jdbc.queryForList("select payload from " + table + " where aggregate_identifier = ?", byte[].class,
                aggregate).stream().map(String::new).toList();
    }
}
