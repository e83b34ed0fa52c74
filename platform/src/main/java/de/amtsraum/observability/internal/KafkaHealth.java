package de.amtsraum.observability.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.Health;

/**
 * Kafka (handover to specialist systems): {@code describeCluster} with a short timeout through a
 * short-lived AdminClient (a long-lived one would keep reconnecting, and logging, while the broker
 * is down). Details: number of brokers, or that the cluster did not answer; no addresses.
 */
class KafkaHealth extends CachedCheck {

    private final Map<String, Object> adminProperties;
    private final Duration timeout;

    KafkaHealth(Map<String, Object> adminProperties, Duration timeout, Duration cache, MeterRegistry meters) {
        super("kafka", cache, meters);
        Map<String, Object> properties = new HashMap<>(adminProperties);
        int millis = (int) Math.max(1, timeout.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) millis);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) millis);
        properties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "amtsraum-health");
        this.adminProperties = Map.copyOf(properties);
        this.timeout = timeout;
    }

    @Override
    Health check() {
        Admin admin = null;
        try {
            admin = Admin.create(adminProperties);
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) Math.max(1, timeout.toMillis())));
            int brokers = cluster.nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.status(DEGRADED).withDetail("reason", "interrupted").build();
        } catch (Exception unreachable) {
            return Health.status(DEGRADED)
                    .withDetail("reason", "cluster did not answer within " + timeout.toMillis() + " ms")
                    .withDetail("effect", "handovers wait in the event store and are delivered once Kafka answers")
                    .build();
        } finally {
            if (admin != null) {
                // Bounded: a close without timeout waits for pending calls as long as they take.
                admin.close(timeout);
            }
        }
    }
}
