package de.amtsraum.observability.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.serialization.Serializer;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The observability module's beans (ADR 0028). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObservabilityProperties.class)
@EnableScheduling
class ObservabilityConfiguration {

    @Bean
    BusinessCounters businessCounters(MeterRegistry meters) {
        return new BusinessCounters(meters);
    }

    /** The counters count what this instance publishes, in the publishing thread: a subscribing processor. */
    @Autowired
    void countersProcessor(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(BusinessCounters.PROCESSING_GROUP);
    }

    @Bean
    DatabaseGauges databaseGauges(DSLContext db, EventProcessingConfiguration processing, Serializer serializer,
            ObjectMapper json, Clock clock, MeterRegistry meters,
            @Value("${amtsraum.privacy.retention-interval:PT1M}") Duration retentionInterval) {
        return new DatabaseGauges(db, processing, serializer, json, clock, retentionInterval, meters);
    }

    /** Readiness shows Kafka, but a broker outage does not take the instance out of service. */
    @Bean("kafkaHealthIndicator")
    @ConditionalOnProperty(name = "spring.kafka.bootstrap-servers")
    KafkaHealth kafkaHealthIndicator(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
            ObservabilityProperties properties, MeterRegistry meters) {
        return new KafkaHealth(kafka.buildAdminProperties(sslBundles.getIfAvailable()), properties.healthTimeout(),
                properties.healthCache(), meters);
    }

    /** Readiness shows LiveKit, but a LiveKit outage does not take the instance out of service. */
    @Bean("livekitHealthIndicator")
    @ConditionalOnProperty(name = "amtsraum.livekit.url")
    LiveKitHealth livekitHealthIndicator(@Value("${amtsraum.livekit.url}") String url,
            ObservabilityProperties properties, MeterRegistry meters) {
        return new LiveKitHealth(url, properties.healthTimeout(), properties.healthCache(), meters);
    }

    /** Right after Spring's {@code ServerHttpObservationFilter} (highest precedence + 1), which opens the span. */
    @Bean
    FilterRegistrationBean<TraceIdHeader> traceIdHeader(ObjectProvider<Tracer> tracer) {
        FilterRegistrationBean<TraceIdHeader> registration = new FilterRegistrationBean<>(new TraceIdHeader(tracer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * The request's trace context travels with work handed to Boot's {@code applicationTaskExecutor}
     * (mail after a booking, for example), so those log lines carry the request's trace id. Boot
     * applies a single {@link TaskDecorator} bean to that executor.
     */
    @Bean
    TaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    /** Before every other chain: only requests to the separate management port reach it. */
    @Bean
    @Order(0)
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    SecurityFilterChain managementPortSecurity(HttpSecurity http, Environment environment) throws Exception {
        return ManagementPortSecurity.chain(http, environment);
    }
}
