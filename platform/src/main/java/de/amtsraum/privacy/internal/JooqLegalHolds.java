package de.amtsraum.privacy.internal;

import static de.amtsraum.readmodel.jooq.Tables.LEGAL_HOLD;

import de.amtsraum.privacy.LegalHolds;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Legal holds in {@code legal_hold}; the retention schedule leaves held subjects out of its due list. */
@Component
class JooqLegalHolds implements LegalHolds {

    private static final Logger log = LoggerFactory.getLogger(JooqLegalHolds.class);

    private final DSLContext db;
    private final Clock clock;

    JooqLegalHolds(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Hold> holdOf(String tenantId, String subjectId) {
        return db.selectFrom(LEGAL_HOLD)
                .where(LEGAL_HOLD.TENANT_ID.eq(tenantId), LEGAL_HOLD.SUBJECT_ID.eq(subjectId),
                        LEGAL_HOLD.LIFTED_AT.isNull())
                .fetchOptional(r -> new Hold(r.getSubjectId(), Reason.valueOf(r.getReason()), r.getReference(),
                        r.getPlacedAt().toInstant()));
    }

    @Override
    @Transactional
    public void place(String tenantId, String subjectId, Reason reason, String reference, String placedBy) {
        int placed = db.insertInto(LEGAL_HOLD)
                .set(LEGAL_HOLD.TENANT_ID, tenantId)
                .set(LEGAL_HOLD.SUBJECT_ID, subjectId)
                .set(LEGAL_HOLD.REASON, reason.name())
                .set(LEGAL_HOLD.REFERENCE, reference)
                .set(LEGAL_HOLD.PLACED_BY, placedBy)
                .set(LEGAL_HOLD.PLACED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        if (placed > 0) {
            log.info("Legal hold placed on subject {} of tenant {} ({})", subjectId, tenantId, reason);
        }
    }

    @Override
    @Transactional
    public void lift(String tenantId, String subjectId, String liftedBy) {
        int lifted = db.update(LEGAL_HOLD)
                .set(LEGAL_HOLD.LIFTED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(LEGAL_HOLD.LIFTED_BY, liftedBy)
                .where(LEGAL_HOLD.TENANT_ID.eq(tenantId), LEGAL_HOLD.SUBJECT_ID.eq(subjectId),
                        LEGAL_HOLD.LIFTED_AT.isNull())
                .execute();
        if (lifted > 0) {
            log.info("Legal hold lifted on subject {} of tenant {}", subjectId, tenantId);
        }
    }
}
