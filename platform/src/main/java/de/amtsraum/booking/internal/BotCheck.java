package de.amtsraum.booking.internal;

import org.springframework.stereotype.Component;

/** Placeholder until the antibot module lands: the bot check of tenants that require one. */
@Component
class BotCheck {

    void verify(String tenantId, String solution) {
        // replaced by the antibot module
    }
}
