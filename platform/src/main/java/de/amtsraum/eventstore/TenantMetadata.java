package de.amtsraum.eventstore;

import de.amtsraum.shared.TenantScoped;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tenant id travels in every message twice: in the payload ({@link TenantScoped}) and in the
 * metadata under {@value TenantScoped#METADATA_KEY}. Commands get it on dispatch; events get it
 * from their command (correlation) and are checked once more on append, where an event without a
 * tenant, or with a metadata tenant that contradicts its payload, is refused.
 */
@Configuration(proxyBeanMethods = false)
class TenantMetadata {

    @Bean
    static CorrelationDataProvider tenantCorrelation() {
        return new SimpleCorrelationDataProvider(TenantScoped.METADATA_KEY);
    }

    /** Declared because any CorrelationDataProvider bean replaces Axon's default one (correlation and trace ids). */
    @Bean
    static CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Autowired
    void stampCommands(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new Stamp<CommandMessage<?>>("command"));
    }

    @Autowired
    void stampEvents(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(new Stamp<EventMessage<?>>("event"));
    }

    /** Adds the payload's tenant to the metadata, or refuses a message that has none. */
    static final class Stamp<M extends Message<?>> implements MessageDispatchInterceptor<M> {

        private final String kind;

        Stamp(String kind) {
            this.kind = kind;
        }

        @Override
        public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
            return (index, message) -> stamp(message);
        }

        @SuppressWarnings("unchecked")
        private M stamp(M message) {
            if (!(message.getPayload() instanceof TenantScoped scoped) || scoped.tenantId() == null) {
                throw new MissingTenantException(kind, message.getPayloadType().getName());
            }
            Object present = message.getMetaData().get(TenantScoped.METADATA_KEY);
            if (present == null) {
                return (M) message.andMetaData(java.util.Map.of(TenantScoped.METADATA_KEY, scoped.tenantId()));
            }
            if (!Objects.equals(present, scoped.tenantId())) {
                throw new MissingTenantException(kind, message.getPayloadType().getName());
            }
            return message;
        }
    }

    /** Programming error: a message without tenant, or with two different tenants. */
    static final class MissingTenantException extends IllegalStateException {
        MissingTenantException(String kind, String type) {
            super("Refused " + kind + " " + type + ": payload must be TenantScoped and agree with the tenantId metadata");
        }
    }
}
