package de.amtsraum.account.internal;

import de.amtsraum.account.CitizenAccountClosed;
import de.amtsraum.privacy.RetentionTriggers;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Closing an account starts the tenant's ACCOUNT_CLOSED rules (Heilbronn, Coburg: shred at once). */
@Component
@ProcessingGroup(AccountProjection.GROUP)
class AccountRetention {

    private final RetentionTriggers triggers;

    AccountRetention(RetentionTriggers triggers) {
        this.triggers = triggers;
    }

    @EventHandler
    void on(CitizenAccountClosed e) {
        triggers.raise(e.tenantId(), e.subjectId(), RetentionTrigger.ACCOUNT_CLOSED, e.closedAt());
    }
}
