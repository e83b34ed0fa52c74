package de.amtsraum.handover.internal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import java.time.Instant;

/**
 * The value of a handover record on Kafka, schema {@code docs/schemas/case-handover-v1.json}. It has
 * no field for the content or the case subject: the receiver redeems {@code reference} at
 * {@code redeemUrl} for the content. Everything here is an id, a manifest value or a time.
 *
 * @param schema             {@value #SCHEMA}
 * @param schemaVersion      {@value #VERSION}
 * @param eventId            the handover id; the same for every delivery of one handover (deduplicate by it)
 * @param referenceExpiresAt until when the reference can be redeemed
 */
@JsonPropertyOrder({"schema", "schemaVersion", "eventId", "tenantId", "caseId", "serviceId", "outcome",
        "handedOverAt", "reference", "redeemUrl", "referenceExpiresAt"})
record HandoverMessage(String schema, int schemaVersion, String eventId, String tenantId, String caseId,
        String serviceId, String outcome, Instant handedOverAt, String reference, String redeemUrl,
        Instant referenceExpiresAt) {

    static final String SCHEMA = "amtsraum.case-handover";
    static final int VERSION = 1;

    static HandoverMessage of(ConsultationCaseHandedOver event, String reference, String redeemUrl, Instant expiresAt) {
        return new HandoverMessage(SCHEMA, VERSION, event.handoverId(), event.tenantId(), event.caseId(),
                event.serviceId(), event.outcome(), event.handedOverAt(), reference, redeemUrl, expiresAt);
    }

    @Override
    public String toString() {
        return "HandoverMessage[eventId=" + eventId + ", tenantId=" + tenantId + ", caseId=" + caseId + ", reference=<hidden>]";
    }
}
