package de.amtsraum.handover.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kafka value of a handover: it has no field that could hold the content or the subject, the
 * mapping copies ids, service, outcome and times only, its fields are exactly the schema's, and the
 * reference is deterministic per handover but different between handovers and tenants.
 */
class HandoverMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-11-24T09:30:00Z");

    private static ConsultationCaseHandedOver event(String content) {
        return new ConsultationCaseHandedOver("heilbronn", "case-1", "subject-Zwiebelturm", "handover-1",
                "videoberatung", "ABORTED", content, AT);
    }

    @Test
    void theValueTypeHasNoFieldForTheContentOrTheSubject() {
        List<String> fields = Arrays.stream(HandoverMessage.class.getRecordComponents()).map(RecordComponent::getName)
                .toList();

        assertThat(fields).doesNotContain("content", "subjectId", "notes", "identityDocumentShown");
        assertThat(Arrays.stream(HandoverMessage.class.getRecordComponents()).map(RecordComponent::getType).toList())
                .as("only text, numbers and instants: nothing that could nest a document")
                .allMatch(type -> type == String.class || type == int.class || type == Instant.class);
    }

    @Test
    void theMappingCopiesIdsAndTimesButNoPersonalField() throws Exception {
        String canary = "Kanarienvogel-Holunderstieg-7";
        HandoverMessage message = HandoverMessage.of(event("{\"notes\":[\"" + canary + "\"],\"identityDocumentShown\":true}"),
                "R".repeat(43), "https://amtsraum.example.de/api/v1/tenants/heilbronn/handovers/redemptions",
                AT.plus(Duration.ofDays(14)));

        String serialized = JSON.writeValueAsString(message);
        assertThat(serialized).doesNotContain(canary).doesNotContain("subject-Zwiebelturm").doesNotContain("notes");
        JsonNode json = JSON.readTree(serialized);
        assertThat(json.get("schema").asText()).isEqualTo("amtsraum.case-handover");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("eventId").asText()).isEqualTo("handover-1");
        assertThat(json.get("caseId").asText()).isEqualTo("case-1");
        assertThat(json.get("tenantId").asText()).isEqualTo("heilbronn");
        assertThat(json.get("serviceId").asText()).isEqualTo("videoberatung");
        assertThat(json.get("outcome").asText()).isEqualTo("ABORTED");
        assertThat(json.get("handedOverAt").asText()).isEqualTo("2026-11-24T09:30:00Z");
        assertThat(json.get("referenceExpiresAt").asText()).isEqualTo("2026-12-08T09:30:00Z");
        assertThat(message.toString()).as("the reference stays out of log lines").doesNotContain("RRRR");
    }

    @Test
    void theFieldsAreExactlyThoseOfTheSchema() throws Exception {
        JsonNode schema = JSON.readTree(Files.readString(Path.of("../docs/schemas/case-handover-v1.json")));
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(name -> required.add(name.asText()));
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> fields = Arrays.stream(HandoverMessage.class.getRecordComponents()).map(RecordComponent::getName)
                .toList();

        assertThat(required).containsExactlyElementsOf(fields);
        assertThat(properties).containsExactlyElementsOf(fields);
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void referencesAreDeterministicPerHandoverAndOnlyTheirHashIsStored() {
        HandoverReferences references = new HandoverReferences("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        String reference = references.of("heilbronn", "handover-1");

        assertThat(reference).matches("[A-Za-z0-9_-]{43}");
        assertThat(HandoverReferences.wellFormed(reference)).isTrue();
        assertThat(references.of("heilbronn", "handover-1")).as("a re-send carries the same reference").isEqualTo(reference);
        assertThat(references.of("heilbronn", "handover-2")).isNotEqualTo(reference);
        assertThat(references.of("coburg", "handover-1")).isNotEqualTo(reference);
        assertThat(new HandoverReferences("another secret of 32 bytes, yes!".getBytes(StandardCharsets.UTF_8))
                .of("heilbronn", "handover-1")).as("unguessable without the secret").isNotEqualTo(reference);
        assertThat(HandoverReferences.hash(reference)).matches("[0-9a-f]{64}").isNotEqualTo(reference)
                .isEqualTo(HandoverReferences.hash(references.of("heilbronn", "handover-1")));
        assertThat(HandoverReferences.wellFormed("kurz")).isFalse();
        assertThat(HandoverReferences.wellFormed(reference + "=")).isFalse();
        assertThat(HandoverReferences.wellFormed(null)).isFalse();
    }

    @Test
    void topicNamesFollowTheScheme() {
        HandoverProperties defaults = new HandoverProperties(null, null, null, null, null, null, null);
        assertThat(defaults.topic("heilbronn")).isEqualTo("amtsraum.heilbronn.case-handover.v1");
        assertThat(new HandoverProperties(null, "land-bw", null, null, null, null, null).topic("heilbronn"))
                .isEqualTo("land-bw.heilbronn.case-handover.v1");
        assertThat(defaults.toString()).contains("<hidden>");
    }
}
