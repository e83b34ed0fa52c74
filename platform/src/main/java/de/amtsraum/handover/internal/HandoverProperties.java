package de.amtsraum.handover.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Handover to specialist systems. The publisher runs only when {@code spring.kafka.bootstrap-servers}
 * is set and {@code enabled} is not false; the other Kafka client settings come from
 * {@code spring.kafka.*} (security, SSL bundles).
 *
 * @param enabled           false switches the publisher off even with Kafka configured (handovers wait
 *                          in the event store); default true
 * @param topicPrefix       first segment of the topic names: {@code <prefix>.<tenant>.case-handover.v1};
 *                          default {@code amtsraum}
 * @param partitions        partitions of a topic the platform creates; default 3
 * @param replicationFactor replication factor of a topic the platform creates; default: the broker's
 *                          {@code default.replication.factor}
 * @param referenceValidity how long a reference can be redeemed, counted from the handover; default 14 days
 * @param deliveryTimeout   upper bound for one send (the producer's {@code delivery.timeout.ms}) and for
 *                          topic checks; default 30 s
 * @param referenceSecret   secret the references are derived from (HMAC); default: the file
 *                          {@code <data-dir>/handover-secret}, created once
 */
@ConfigurationProperties(prefix = "amtsraum.handover")
public record HandoverProperties(Boolean enabled, String topicPrefix, Integer partitions, Short replicationFactor,
        Duration referenceValidity, Duration deliveryTimeout, String referenceSecret) {

    public HandoverProperties {
        enabled = enabled == null || enabled;
        topicPrefix = topicPrefix == null || topicPrefix.isBlank() ? "amtsraum" : topicPrefix;
        partitions = partitions == null ? 3 : partitions;
        referenceValidity = referenceValidity == null ? Duration.ofDays(14) : referenceValidity;
        deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(30) : deliveryTimeout;
        if (!topicPrefix.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("amtsraum.handover.topic-prefix may hold only letters, digits, '.', '_' and '-'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("amtsraum.handover.partitions must be at least 1");
        }
        if (replicationFactor != null && replicationFactor < 1) {
            throw new IllegalArgumentException("amtsraum.handover.replication-factor must be at least 1");
        }
        if (referenceValidity.isNegative() || referenceValidity.isZero()) {
            throw new IllegalArgumentException("amtsraum.handover.reference-validity must be positive");
        }
        if (deliveryTimeout.compareTo(Duration.ofSeconds(2)) < 0 || deliveryTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("amtsraum.handover.delivery-timeout must be between 2 seconds and 5 minutes");
        }
    }

    /** The tenant's topic: {@code <prefix>.<tenant>.case-handover.v1}. */
    public String topic(String tenantId) {
        return topicPrefix + "." + tenantId + ".case-handover.v1";
    }

    @Override
    public String toString() {
        return "HandoverProperties[enabled=" + enabled + ", topicPrefix=" + topicPrefix + ", partitions=" + partitions
                + ", replicationFactor=" + replicationFactor + ", referenceValidity=" + referenceValidity
                + ", deliveryTimeout=" + deliveryTimeout + ", referenceSecret=<hidden>]";
    }
}
