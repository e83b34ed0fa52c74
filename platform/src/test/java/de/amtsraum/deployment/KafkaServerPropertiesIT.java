package de.amtsraum.deployment;

import de.amtsraum.support.LocalPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infrastructure/kafka/server.properties (the broker of the compose file and, as a copy, of the Helm
 * chart's evaluation broker) runs: every key is a broker setting, the KRaft node formats with the
 * cluster ids the chart and the compose file use, starts, takes the handover topic of a tenant, and
 * refuses to create topics on the fly. Only addresses, ports and the log directory are overridden
 * (the containers set advertised.listeners the same way). Runs the Kafka version of the test
 * classpath (3.9); the images use 4.1, which knows every key used here.
 */
class KafkaServerPropertiesIT {

    private static final Path INFRASTRUCTURE = Path.of("..", "infrastructure");

    @TempDir
    Path logDir;

    @Test
    void theBrokerConfigurationOfComposeAndChartRuns() throws Exception {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(INFRASTRUCTURE.resolve("kafka/server.properties"))) {
            file.load(reader);
        }
        assertThat(KafkaConfig.configDef().names()).containsAll(file.stringPropertyNames());
        assertThat(file.getProperty("auto.create.topics.enable")).isEqualTo("false");

        String chartClusterId = find(INFRASTRUCTURE.resolve("helm/amtsraum/values.yaml"), "clusterId: \"([^\"]+)\"");
        String composeClusterId = find(INFRASTRUCTURE.resolve("compose/compose.yaml"), "KAFKA_CLUSTER_ID: (\\S+)");
        Uuid.fromString(composeClusterId);

        int port = LocalPorts.free();
        int controllerPort = LocalPorts.free();
        Properties props = new Properties();
        props.putAll(file);
        props.put("log.dirs", logDir.toString());
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        new Formatter()
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.fromString(chartClusterId).toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setPrintStream(System.out)
                .run();

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + port;
        String topic = "amtsraum.heilbronn.case-handover.v1";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of("retention.ms", "1814400000")))).all().get();

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>(topic, "case-1", "{\"handoverId\":\"h-1\"}")).get();

                // No topic appears by a send to a name nobody created.
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("amtsraum.typo.case-handover.v1", "x", "y")).get())
                        .isInstanceOfAny(ExecutionException.class, org.apache.kafka.common.KafkaException.class);
            }
            assertThat(admin.listTopics().names().get()).contains(topic).doesNotContain("amtsraum.typo.case-handover.v1");

            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "fachverfahren-heilbronn",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                consumer.subscribe(Set.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                int received = 0;
                while (received == 0 && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    received += records.count();
                }
                assertThat(received).isEqualTo(1);
            }
        } finally {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static String find(Path file, String regex) throws Exception {
        Matcher matcher = Pattern.compile(regex).matcher(Files.readString(file));
        assertThat(matcher.find()).as("%s in %s", regex, file).isTrue();
        return matcher.group(1);
    }

}
