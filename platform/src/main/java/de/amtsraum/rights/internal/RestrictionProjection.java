package de.amtsraum.rights.internal;

import static de.amtsraum.readmodel.jooq.Tables.RIGHTS_RESTRICTION;

import de.amtsraum.rights.ObjectionRecorded;
import de.amtsraum.rights.ProcessingRestricted;
import de.amtsraum.rights.RequestChannel;
import de.amtsraum.rights.RestrictionLifted;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Projects restrictions and objections into {@code rights_restriction}. Subscribing ({@value #GROUP}):
 * the row commits with the event, so the next handover, mail or staff action already sees it.
 */
@Component
@ProcessingGroup(RestrictionProjection.GROUP)
class RestrictionProjection {

    static final String GROUP = "rights-restrictions";

    enum Kind { RESTRICTION, OBJECTION }

    private final DSLContext db;

    RestrictionProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(ProcessingRestricted event) {
        insert(event.tenantId(), event.personSubjectIds(), Kind.RESTRICTION, event.restrictedAt(), event.channel());
    }

    @EventHandler
    void on(ObjectionRecorded event) {
        insert(event.tenantId(), event.personSubjectIds(), Kind.OBJECTION, event.recordedAt(), event.channel());
    }

    @EventHandler
    void on(RestrictionLifted event) {
        db.update(RIGHTS_RESTRICTION)
                .set(RIGHTS_RESTRICTION.LIFTED_AT, event.liftedAt().atOffset(ZoneOffset.UTC))
                .where(RIGHTS_RESTRICTION.TENANT_ID.eq(event.tenantId()),
                        RIGHTS_RESTRICTION.SUBJECT_ID.in(event.personSubjectIds()),
                        RIGHTS_RESTRICTION.LIFTED_AT.isNull())
                .execute();
    }

    private void insert(String tenantId, List<String> subjects, Kind kind, Instant since, RequestChannel channel) {
        for (String subject : subjects) {
            db.insertInto(RIGHTS_RESTRICTION)
                    .set(RIGHTS_RESTRICTION.TENANT_ID, tenantId)
                    .set(RIGHTS_RESTRICTION.SUBJECT_ID, subject)
                    .set(RIGHTS_RESTRICTION.KIND, kind.name())
                    .set(RIGHTS_RESTRICTION.SINCE, since.atOffset(ZoneOffset.UTC))
                    .set(RIGHTS_RESTRICTION.CHANNEL, channel.name())
                    .onConflictDoNothing()
                    .execute();
        }
    }
}
