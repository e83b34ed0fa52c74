package de.amtsraum.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Libraries that would call home at start (Axon's update checker, Liquibase's usage analytics) are
 * switched off before they load, unless an operator explicitly set the property. Amtsraum makes no
 * request to a third party.
 */
public class OfflineDefaults implements EnvironmentPostProcessor {

    static final String[][] PROPERTIES = {
            {"axoniq.update-checker.disabled", "true"},
            {"disable-axoniq-console-message", "true"},
            {"liquibase.analytics.enabled", "false"},
            // jOOQ's start-up logo and tips are noise in JSON logs.
            {"org.jooq.no-logo", "true"},
            {"org.jooq.no-tips", "true"},
    };

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (String[] property : PROPERTIES) {
            if (System.getProperty(property[0]) == null) {
                System.setProperty(property[0], property[1]);
            }
        }
    }
}
