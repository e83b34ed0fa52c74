package de.amtsraum.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param from sender address of all platform mail (default {@code no-reply@amtsraum.localhost}) */
@ConfigurationProperties(prefix = "amtsraum.mail")
record MailProperties(String from) {

    MailProperties {
        from = from == null || from.isBlank() ? "no-reply@amtsraum.localhost" : from;
    }
}
