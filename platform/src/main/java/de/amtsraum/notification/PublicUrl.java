package de.amtsraum.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address citizens reach the platform at ({@code amtsraum.public-url}), for links in mail.
 * Without it, links point to {@code http://localhost:<port>} and a warning says so once.
 */
@Component
public class PublicUrl {

    private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

    private final String base;

    PublicUrl(@Value("${amtsraum.public-url:}") String configured, @Value("${server.port:8080}") int port) {
        if (configured.isBlank()) {
            log.warn("amtsraum.public-url is not set: links in citizen mail point to http://localhost:{}", port);
            configured = "http://localhost:" + port;
        }
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** @param path starting with a slash, e.g. {@code /heilbronn/datenschutz} */
    public String of(String path) {
        return base + path;
    }
}
