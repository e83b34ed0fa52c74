package de.amtsraum.handover.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.privacy.ProcessingRestrictions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of the {@value #PROCESSING_GROUP} tracking processor: for each handover it records the
 * hash of the one-time reference and sends the integration event to the tenant's topic, waiting for
 * the broker's acknowledgement. Any failure propagates (the group's error handlers rethrow), so the
 * transaction rolls back, the token does not advance, and the processor retries with backoff: the
 * token in {@code token_entry} is the outbox.
 */
@ProcessingGroup(HandoverPublisher.PROCESSING_GROUP)
class HandoverPublisher {

    static final String PROCESSING_GROUP = "handover-publisher";

    private static final Logger log = LoggerFactory.getLogger(HandoverPublisher.class);

    private final HandoverRecords records;
    private final HandoverReferences references;
    private final KafkaHandoverSender sender;
    private final HandoverProperties properties;
    private final RedeemUrl redeemUrl;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ProcessingRestrictions restrictions;

    HandoverPublisher(HandoverRecords records, HandoverReferences references, KafkaHandoverSender sender,
            HandoverProperties properties, RedeemUrl redeemUrl, ObjectMapper json, Clock clock, MeterRegistry meters,
            ProcessingRestrictions restrictions) {
        this.records = records;
        this.references = references;
        this.sender = sender;
        this.properties = properties;
        this.redeemUrl = redeemUrl;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.restrictions = restrictions;
    }

    @EventHandler
    void on(ConsultationCaseHandedOver event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("handover " + event.handoverId() + " is not a domain event");
        }
        String tenant = event.tenantId();
        if (restrictions.restricted(tenant, event.subjectId())) {
            // Art. 18/21 GDPR: the subject's data is only stored; the handover is withheld, not lost.
            records.recordWithheld(tenant, event.handoverId(), event.caseId(), clock.instant());
            meters.counter("amtsraum.handover.withheld", "tenant", tenant).increment();
            log.info("Handover {} of tenant {} withheld: the case subject's processing is restricted",
                    event.handoverId(), tenant);
            return;
        }
        String topic = properties.topic(tenant);
        String reference = references.of(tenant, event.handoverId());
        Instant expiresAt = event.handedOverAt().plus(properties.referenceValidity());
        records.recordPublished(tenant, event.handoverId(), event.caseId(), domain.getAggregateIdentifier(),
                domain.getSequenceNumber(), HandoverReferences.hash(reference), clock.instant(), expiresAt);
        byte[] value = value(HandoverMessage.of(event, reference, redeemUrl.of(tenant), expiresAt));
        try {
            sender.send(topic, event.caseId(), value);
        } catch (RuntimeException failed) {
            meters.counter("amtsraum.handover.failures", "tenant", tenant).increment();
            log.warn("Handover {} of tenant {} not delivered to {}; the processor retries", event.handoverId(), tenant,
                    topic);
            throw failed;
        }
        meters.counter("amtsraum.handover.published", "tenant", tenant).increment();
        log.info("Handover {} of tenant {} published to {}", event.handoverId(), tenant, topic);
    }

    private byte[] value(HandoverMessage message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("handover message not serialisable", impossible);
        }
    }
}
