package de.amtsraum.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address citizens reach the platform at ({@code amtsraum.public-url}), for links in mail and
 * the embedded issuer's redirects. Without it, links point to {@code http://localhost:<port>} and a
 * warning says so once.
 */
@Component
public class PublicUrl {

    private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

    private final String configured;
    private final Environment environment;

    PublicUrl(@Value("${amtsraum.public-url:}") String configured, Environment environment) {
        if (configured.isBlank()) {
            log.warn("amtsraum.public-url is not set: links in citizen mail point to http://localhost:<port>");
        }
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.environment = environment;
    }

    /** @param path starting with a slash, e.g. {@code /heilbronn/datenschutz} */
    public String of(String path) {
        return base() + path;
    }

    /** Whether {@code amtsraum.public-url} is set (otherwise {@link #base()} is the local address). */
    public boolean configured() {
        return !configured.isBlank();
    }

    /** The configured URL, or {@code http://localhost:<port the server listens on>}. */
    public String base() {
        if (!configured.isBlank()) {
            return configured;
        }
        // local.server.port is the bound port (also for server.port=0); server.port before start.
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
