package de.amtsraum.eventstore;

import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Axon stamps events from a static clock of its own; point it at the application's {@link Clock}
 * so that event time and business time are one (and tests that move the clock move both).
 */
@Configuration(proxyBeanMethods = false)
class EventClock {

    @Autowired
    void useApplicationClock(Clock clock) {
        GenericEventMessage.clock = clock;
    }
}
