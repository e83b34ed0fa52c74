package de.amtsraum.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on a random port, with its own embedded PostgreSQL in a temporary data
 * directory, the five tenants of the repository and a {@link MutableClock}. Tests sharing this
 * annotation share one context. Metrics export (Prometheus) and tracing stay on as in production
 * (Spring Boot's tests switch them off otherwise): ObservabilityIT scrapes and traces this context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TemporaryDataDirectory.class)
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@AutoConfigureObservability
public @interface PlatformTest {
}
