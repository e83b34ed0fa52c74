package de.amtsraum.privacy.internal;

import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionAction;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.gateway.EventGateway;

/** Shreds keys and records each shred as {@link PersonalDataShredded}, in the caller's transaction. */
class SubjectKeyService implements SubjectKeys {

    private final SubjectKeyStore store;
    private final RetentionSchedule schedule;
    private final EventGateway events;
    private final KeyEvictionChannel evictions;
    private final Clock clock;

    SubjectKeyService(SubjectKeyStore store, RetentionSchedule schedule, EventGateway events,
                      KeyEvictionChannel evictions, Clock clock) {
        this.store = store;
        this.schedule = schedule;
        this.events = events;
        this.evictions = evictions;
        this.clock = clock;
    }

    @Override
    public void shred(String tenantId, String subjectId, String categoryId, ShredCause cause) {
        shred(new SubjectKeyId(tenantId, subjectId, categoryId), cause, null, null, null);
    }

    @Override
    public int keysHeld(String tenantId, String categoryId) {
        return store.keysHeld(tenantId, categoryId);
    }

    @Override
    public List<String> shredAll(String tenantId, String subjectId, ShredCause cause) {
        List<String> shredded = new ArrayList<>();
        for (String category : store.categoriesOf(tenantId, subjectId)) {
            if (shred(new SubjectKeyId(tenantId, subjectId, category), cause, null, null, null)) {
                shredded.add(category);
            }
        }
        return shredded;
    }

    void shredForRetention(SubjectKeyId id, RetentionTrigger trigger, int ruleIndex, RetentionAction action) {
        shred(id, ShredCause.RETENTION, trigger, ruleIndex, action);
    }

    List<String> categoriesOf(String tenantId, String subjectId) {
        return store.categoriesOf(tenantId, subjectId);
    }

    private boolean shred(SubjectKeyId id, ShredCause cause, RetentionTrigger trigger, Integer ruleIndex,
                          RetentionAction action) {
        if (!store.shred(id, cause)) {
            return false;
        }
        schedule.closeDeadlines(id);
        evictions.announce(id);
        events.publish(new PersonalDataShredded(id.tenantId(), id.subjectId(), id.categoryId(), cause, trigger,
                ruleIndex, action == null ? RetentionAction.SHRED : action, clock.instant()));
        return true;
    }
}
