/**
 * Handover of consultation cases to the tenant's specialist system (Fachverfahren, issue 6 item 2).
 * For each {@link de.amtsraum.consultation.ConsultationCaseHandedOver} an Axon tracking processor of
 * its own ({@code handover-publisher}; its token is the outbox) sends an integration event to the
 * tenant's Kafka topic {@code amtsraum.<tenant>.case-handover.v1}, keyed by case id. The event
 * carries no personal data: ids, service, outcome, time, and a one-time reference with the URL to
 * redeem it. The receiver redeems the reference once at
 * {@code POST /api/v1/tenants/{tenant}/handovers/redemptions} (role {@code HANDOVER_RECEIVER}) and
 * gets the decrypted content. Delivery is at-least-once: the processor retries with backoff while the
 * broker is unreachable, and the token does not advance past an undelivered handover.
 *
 * <p>Kafka is optional: without {@code spring.kafka.bootstrap-servers}, or with
 * {@code amtsraum.handover.enabled=false}, no publisher runs and handovers wait in the event store;
 * once Kafka is configured the processor starts at the beginning of the event store and delivers
 * them. See docs/handover.md and ADR 0016.
 *
 * <p>API: {@link de.amtsraum.handover.HandoverException}; the endpoint above.
 */
package de.amtsraum.handover;
