package de.amtsraum.handover.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one record and waits for the broker's acknowledgement (idempotent producer, {@code acks=all},
 * bounded delivery timeout), creating the topic first if it is missing. The plain Kafka client is
 * used on purpose: Spring Kafka's template logs failed records with key and value, and a reference
 * must not land in a log. On any failure the producer is closed and the known topics forgotten, so
 * the next attempt starts clean (a broker that came back empty gets its topic again).
 */
class KafkaHandoverSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaHandoverSender.class);

    private final Map<String, Object> producerConfig;
    private final Map<String, Object> adminConfig;
    private final HandoverProperties properties;
    private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();
    private Producer<String, byte[]> producer;

    KafkaHandoverSender(Map<String, Object> producerBase, Map<String, Object> adminBase, HandoverProperties properties) {
        this.properties = properties;
        long delivery = properties.deliveryTimeout().toMillis();
        long request = Math.max(1000, delivery / 2);
        Map<String, Object> producer = new HashMap<>(producerBase);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery);
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "amtsraum-handover");
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producerConfig = Map.copyOf(producer);
        Map<String, Object> admin = new HashMap<>(adminBase);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) delivery);
        admin.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "amtsraum-handover-admin");
        this.adminConfig = Map.copyOf(admin);
    }

    /** Sends and waits for the acknowledgement; throws {@link HandoverDeliveryException} when it does not come. */
    synchronized void send(String topic, String key, byte[] value) {
        try {
            ensureTopic(topic);
            producer().send(new ProducerRecord<>(topic, key, value))
                    .get(properties.deliveryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset();
            throw new HandoverDeliveryException(topic, e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            reset();
            throw new HandoverDeliveryException(topic, e instanceof ExecutionException && e.getCause() != null
                    ? e.getCause() : e);
        }
    }

    private void ensureTopic(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        if (knownTopics.contains(topic)) {
            return;
        }
        long timeout = properties.deliveryTimeout().toMillis();
        try (Admin admin = Admin.create(adminConfig)) {
            if (!admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS).contains(topic)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.of(properties.partitions()),
                            Optional.ofNullable(properties.replicationFactor())))).all().get(timeout, TimeUnit.MILLISECONDS);
                    log.info("Created topic {}", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        knownTopics.add(topic);
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    private void reset() {
        knownTopics.clear();
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a failed producer: nothing more to do
            }
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** The broker did not acknowledge a handover; the message names the topic and the failure's type only. */
    static final class HandoverDeliveryException extends RuntimeException {
        HandoverDeliveryException(String topic, Throwable cause) {
            super("handover not delivered to topic " + topic + " (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }
}
