package de.amtsraum.handover.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.handover.HandoverException;
import de.amtsraum.handover.HandoverException.Reason;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.readmodel.jooq.tables.records.CaseHandoverRecord;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

/**
 * Redeeming a one-time reference: the row is found by the reference's hash within the tenant, the
 * content is read from the very event that was handed over (decrypted by the platform's serializer,
 * or the redaction value once the case subject's key was shredded), and the row is marked redeemed
 * by a conditional update, so of two concurrent redemptions exactly one gets the content.
 */
public class HandoverRedemptions {

    private static final Logger log = LoggerFactory.getLogger(HandoverRedemptions.class);

    /** What the receiver gets, once. */
    public record Redeemed(String handoverId, String tenantId, String caseId, String serviceId, String outcome,
            Instant handedOverAt, JsonNode content) {
    }

    private final HandoverRecords records;
    private final EventStore eventStore;
    private final ObjectMapper json;
    private final Clock clock;

    HandoverRedemptions(HandoverRecords records, EventStore eventStore, ObjectMapper json, Clock clock) {
        this.records = records;
        this.eventStore = eventStore;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Redeemed redeem(String tenantId, String reference) {
        if (!HandoverReferences.wellFormed(reference)) {
            throw new HandoverException(Reason.INVALID_REQUEST);
        }
        CaseHandoverRecord row = records.byReference(tenantId, HandoverReferences.hash(reference))
                .orElseThrow(() -> new HandoverException(Reason.UNKNOWN_REFERENCE));
        if (row.getRedeemedAt() != null) {
            throw new HandoverException(Reason.ALREADY_REDEEMED);
        }
        Instant now = clock.instant();
        if (!now.isBefore(row.getExpiresAt().toInstant())) {
            throw new HandoverException(Reason.EXPIRED);
        }
        ConsultationCaseHandedOver event = handedOver(row);
        if (event.content() == null || Redaction.isRedacted(event.content())) {
            throw new HandoverException(Reason.ERASED);
        }
        if (!records.markRedeemed(tenantId, row.getHandoverId(), now)) {
            throw new HandoverException(Reason.ALREADY_REDEEMED);
        }
        log.info("Handover {} of tenant {} redeemed", row.getHandoverId(), tenantId);
        return new Redeemed(event.handoverId(), event.tenantId(), event.caseId(), event.serviceId(), event.outcome(),
                event.handedOverAt(), content(event.content()));
    }

    private ConsultationCaseHandedOver handedOver(CaseHandoverRecord row) {
        DomainEventStream stream = eventStore.readEvents(row.getAggregateId(), row.getSequenceNumber());
        if (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() == row.getSequenceNumber()
                    && message.getPayload() instanceof ConsultationCaseHandedOver event
                    && row.getHandoverId().equals(event.handoverId()) && row.getTenantId().equals(event.tenantId())) {
                return event;
            }
        }
        // The row names an event that is not there (never expected): nothing to hand out.
        log.warn("Handover {} of tenant {} names no matching event", row.getHandoverId(), row.getTenantId());
        throw new HandoverException(Reason.UNKNOWN_REFERENCE);
    }

    private JsonNode content(String content) {
        try {
            return json.readTree(content);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(content);
        }
    }
}
