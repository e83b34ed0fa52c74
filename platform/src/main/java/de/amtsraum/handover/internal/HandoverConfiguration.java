package de.amtsraum.handover.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.notification.PublicUrl;
import de.amtsraum.runtime.LocalSecrets;
import de.amtsraum.runtime.RuntimeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The handover module's beans. Redemption is always there (rows exist only for published
 * handovers); the publisher, its Kafka clients and its tracking processor only when Kafka is
 * configured ({@code spring.kafka.bootstrap-servers}) and {@code amtsraum.handover.enabled} is not
 * false. Without them handovers wait in the event store, and the processor, once configured, starts
 * at the beginning of the event store and delivers them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HandoverProperties.class)
class HandoverConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HandoverConfiguration.class);

    @Bean
    HandoverReferences handoverReferences(HandoverProperties properties, RuntimeProperties runtime) {
        return new HandoverReferences(LocalSecrets.configuredOrFile(properties.referenceSecret(), runtime, "handover-secret"));
    }

    @Bean
    HandoverRecords handoverRecords(DSLContext db) {
        return new HandoverRecords(db);
    }

    @Bean
    RedeemUrl handoverRedeemUrl(PublicUrl publicUrl) {
        return new RedeemUrl(publicUrl);
    }

    @Bean
    HandoverRedemptions handoverRedemptions(HandoverRecords records, EventStore eventStore, ObjectMapper json,
            Clock clock) {
        return new HandoverRedemptions(records, eventStore, json, clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void report(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext().getBeanProvider(HandoverPublisher.class).getIfAvailable() == null) {
            log.info("Handover publisher off (no spring.kafka.bootstrap-servers, or amtsraum.handover.enabled=false): "
                    + "handovers wait in the event store until Kafka is configured");
        }
    }

    /** Kafka configured and the publisher not switched off. */
    static final class PublisherEnabled extends AllNestedConditions {

        PublisherEnabled() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "spring.kafka.bootstrap-servers")
        static final class KafkaConfigured {
        }

        @ConditionalOnProperty(prefix = "amtsraum.handover", name = "enabled", havingValue = "true", matchIfMissing = true)
        static final class NotSwitchedOff {
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(PublisherEnabled.class)
    static class Publishing {

        @Bean(destroyMethod = "close")
        KafkaHandoverSender kafkaHandoverSender(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                HandoverProperties properties) {
            SslBundles bundles = sslBundles.getIfAvailable();
            log.info("Handover publisher on: Kafka at {}, topics {}", kafka.getBootstrapServers(),
                    properties.topic("<tenant>"));
            return new KafkaHandoverSender(kafka.buildProducerProperties(bundles), kafka.buildAdminProperties(bundles),
                    properties);
        }

        @Bean
        HandoverPublisher handoverPublisher(HandoverRecords records, HandoverReferences references,
                KafkaHandoverSender sender, HandoverProperties properties, RedeemUrl redeemUrl, ObjectMapper json,
                Clock clock, MeterRegistry meters, de.amtsraum.privacy.ProcessingRestrictions restrictions) {
            return new HandoverPublisher(records, references, sender, properties, redeemUrl, json, clock, meters,
                    restrictions);
        }

        /**
         * A tracking processor of its own, one thread, one event per transaction, starting at the
         * beginning of the event store. Both error handlers propagate: Axon's default listener
         * invocation handler only logs and moves on, which would advance the token past an
         * undelivered handover. A failed batch rolls back, the claim is released, and the processor
         * retries after 1, 2, 4 … at most 60 seconds.
         */
        @Autowired
        void handoverProcessor(EventProcessingConfigurer processing) {
            processing.registerTrackingEventProcessor(HandoverPublisher.PROCESSING_GROUP,
                    configuration -> configuration.eventStore(),
                    configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andBatchSize(1)
                            // Several instances (ADR 0027): one segment, one owner; the others try to
                            // claim it every second, so a dead owner is replaced about a second after
                            // its claim timed out (axon.eventhandling.tokenstore.claim-timeout).
                            .andTokenClaimInterval(1, java.util.concurrent.TimeUnit.SECONDS)
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken));
            processing.registerListenerInvocationErrorHandler(HandoverPublisher.PROCESSING_GROUP,
                    configuration -> PropagatingErrorHandler.instance());
            processing.registerErrorHandler(HandoverPublisher.PROCESSING_GROUP,
                    configuration -> PropagatingErrorHandler.instance());
        }
    }
}
