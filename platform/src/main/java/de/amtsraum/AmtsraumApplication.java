package de.amtsraum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Amtsraum: one application, bounded contexts as the packages directly below this one
 * (see docs/architecture and the module documentation written by ModularityTests).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AmtsraumApplication {

    public static void main(String[] args) {
        SpringApplication.run(AmtsraumApplication.class, args);
    }
}
