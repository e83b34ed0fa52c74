package de.amtsraum.contact.internal;

import de.amtsraum.contact.ContactRequestConcluded;
import de.amtsraum.contact.ContactRequestWithdrawn;
import de.amtsraum.privacy.RetentionTriggers;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What a contact request's end means for its data: concluding starts the tenant's
 * CONVERSATION_CONCLUDED rules; withdrawing erases every category of the subject at once.
 */
@Component
@ProcessingGroup(ContactRequestProjection.GROUP)
class ContactRetention {

    private final RetentionTriggers triggers;
    private final SubjectKeys keys;

    ContactRetention(RetentionTriggers triggers, SubjectKeys keys) {
        this.triggers = triggers;
        this.keys = keys;
    }

    @EventHandler
    void on(ContactRequestConcluded e) {
        triggers.raise(e.tenantId(), e.subjectId(), RetentionTrigger.CONVERSATION_CONCLUDED, e.concludedAt());
    }

    @EventHandler
    void on(ContactRequestWithdrawn e) {
        keys.shredAll(e.tenantId(), e.subjectId(), ShredCause.WITHDRAWAL);
    }
}
