package de.amtsraum.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-process Kafka broker (KRaft, one combined broker/controller node, {@link EmbeddedKafkaKraftBroker})
 * on 127.0.0.1 and a port fixed for the life of this object, so it can be stopped and started again
 * under the same bootstrap address. {@code EmbeddedKafkaKraftBroker} ignores {@code kafkaPorts} in
 * KRaft mode, but honours a {@code listeners} broker property (the test kit only fills it in when
 * absent). Its log directories are chosen by Kafka's test kit and deleted on stop, so a restart is a
 * fresh, empty broker on the same address (topics must be created again). The broker list is not
 * written to {@code spring.kafka.bootstrap-servers} as a system property, so other test contexts of
 * the same JVM stay without Kafka.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private EmbeddedKafkaKraftBroker broker;

    private KafkaBroker(int port) {
        this.port = port;
    }

    /** A broker on a port that is free now; not started yet. */
    public static KafkaBroker onFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return new KafkaBroker(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (broker != null) {
            return;
        }
        EmbeddedKafkaKraftBroker fresh = new EmbeddedKafkaKraftBroker(1, 1);
        fresh.brokerListProperty(null);
        fresh.brokerProperties(Map.of(
                "listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0",
                // Topics exist only when the platform creates them (with its partitions).
                "auto.create.topics.enable", "false"));
        fresh.afterPropertiesSet();
        broker = fresh;
    }

    public synchronized void stop() {
        if (broker != null) {
            broker.destroy();
            broker = null;
            System.clearProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Every topic of the broker, internal ones included. */
    public Set<String> topics() {
        try (Admin admin = admin()) {
            return admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("listing topics failed", e);
        }
    }

    /** Every record of the topic, from the beginning to the current end of each partition. */
    public List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The partition count of a topic. */
    public int partitions(String topic) {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("describing " + topic + " failed", e);
        }
    }
}
