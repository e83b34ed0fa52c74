package de.amtsraum.rights.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.rights.DataSubjects.Report;
import java.util.Iterator;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The machine-readable export (Art. 20 GDPR), schema {@code docs/schemas/subject-export-v1.json}: every
 * record with its fields and the opened event stream of its aggregate (the serializer opens the sealed
 * fields; shredded ones read as the redaction value and are listed in {@code erased}).
 */
@Component
class SubjectExport {

    static final String SCHEMA = "https://amtsraum.de/schemas/subject-export-v1.json";

    private final EventStore eventStore;

    SubjectExport(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    byte[] of(Report report) {
        ObjectNode root = JooqDataSubjects.JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("tenant", report.person().tenantId());
        root.put("generatedAt", report.generatedAt().toString());
        root.put("restricted", report.restricted());
        root.put("objected", report.objected());
        ArrayNode records = root.putArray("records");
        for (HeldRecord record : report.records()) {
            ObjectNode node = records.addObject();
            node.put("source", record.source());
            node.put("type", record.type());
            node.put("recordId", record.recordId());
            node.put("status", record.status());
            node.put("createdAt", record.createdAt() == null ? null : record.createdAt().toString());
            if (record.consent() != null) {
                node.set("consent", JooqDataSubjects.JSON.valueToTree(record.consent()));
            }
            ArrayNode fields = node.putArray("fields");
            for (HeldRecord.Field field : record.fields()) {
                ObjectNode f = fields.addObject();
                f.put("name", field.name());
                f.put("kind", field.kind() == null ? null : field.kind().name());
                f.put("categoryId", field.categoryId());
                f.put("value", field.value());
                f.put("erased", field.erased());
            }
            node.set("events", events(record.recordId()));
        }
        root.set("pending", JooqDataSubjects.JSON.valueToTree(report.pending()));
        root.set("categories", JooqDataSubjects.JSON.valueToTree(report.categories()));
        try {
            return JooqDataSubjects.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ArrayNode events(String aggregateId) {
        ArrayNode events = JooqDataSubjects.JSON.createArrayNode();
        if (aggregateId == null) {
            return events;
        }
        try (var stream = eventStore.readEvents(aggregateId).asStream()) {
            stream.forEach((DomainEventMessage<?> message) -> {
                ObjectNode event = events.addObject();
                event.put("type", message.getPayloadType().getSimpleName());
                event.put("sequence", message.getSequenceNumber());
                event.put("timestamp", message.getTimestamp().toString());
                JsonNode payload = JooqDataSubjects.JSON.valueToTree(message.getPayload());
                event.set("payload", payload);
                ArrayNode erased = event.putArray("erased");
                if (payload.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
                        var entry = it.next();
                        if (entry.getValue().isTextual() && Redaction.isRedacted(entry.getValue().asText())) {
                            erased.add(entry.getKey());
                            ((ObjectNode) payload).putNull(entry.getKey());
                        }
                    }
                }
            });
        }
        return events;
    }
}
