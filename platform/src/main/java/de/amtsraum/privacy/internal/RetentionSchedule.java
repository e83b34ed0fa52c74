package de.amtsraum.privacy.internal;

import static de.amtsraum.readmodel.jooq.Tables.LEGAL_HOLD;
import static de.amtsraum.readmodel.jooq.Tables.RETENTION_DEADLINE;

import de.amtsraum.privacy.RetentionTriggers;
import de.amtsraum.readmodel.jooq.tables.records.RetentionDeadlineRecord;
import de.amtsraum.tenancy.manifest.RetentionRule;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The durable retention schedule ({@code retention_deadline}): deadlines are rows, so they survive
 * restarts; {@link RetentionRunner} executes every deadline that is due by the injected clock,
 * including those that fell due while the platform was down. Rows are claimed with {@code FOR UPDATE
 * SKIP LOCKED}, so with several instances each deadline runs exactly once.
 */
class RetentionSchedule implements RetentionTriggers {

    private static final int BATCH = 200;

    private final DSLContext db;
    private final CategoryResolver categories;
    private final Clock clock;
    private SubjectKeyService keys;

    RetentionSchedule(DSLContext db, CategoryResolver categories, Clock clock) {
        this.db = db;
        this.categories = categories;
        this.clock = clock;
    }

    void useKeys(SubjectKeyService keys) {
        this.keys = keys;
    }

    /** A data key was created: data of its category was collected now. */
    void collected(SubjectKeyId id) {
        scheduleRules(id, RetentionTrigger.COLLECTED, clock.instant());
    }

    @Override
    public void raise(String tenantId, String subjectId, RetentionTrigger trigger, Instant at) {
        for (String category : keys.categoriesOf(tenantId, subjectId)) {
            scheduleRules(new SubjectKeyId(tenantId, subjectId, category), trigger, at);
        }
    }

    private void scheduleRules(SubjectKeyId id, RetentionTrigger trigger, Instant at) {
        TenantManifest manifest = categories.manifest(id.tenantId()).orElse(null);
        if (manifest == null) {
            return;
        }
        manifest.category(id.categoryId()).ifPresent(category -> {
            List<RetentionRule> rules = category.retention();
            for (int index = 0; index < rules.size(); index++) {
                RetentionRule rule = rules.get(index);
                if (rule.trigger() == trigger) {
                    OffsetDateTime due = rule.after().addTo(at.atZone(manifest.timeZone()))
                            .toInstant().atOffset(ZoneOffset.UTC);
                    db.insertInto(RETENTION_DEADLINE)
                            .set(RETENTION_DEADLINE.TENANT_ID, id.tenantId())
                            .set(RETENTION_DEADLINE.SUBJECT_ID, id.subjectId())
                            .set(RETENTION_DEADLINE.CATEGORY_ID, id.categoryId())
                            .set(RETENTION_DEADLINE.TRIGGER, trigger.name())
                            .set(RETENTION_DEADLINE.RULE_INDEX, index)
                            .set(RETENTION_DEADLINE.ACTION, rule.action().name())
                            .set(RETENTION_DEADLINE.DUE_AT, due)
                            .set(RETENTION_DEADLINE.TRIGGERED_AT, at.atOffset(ZoneOffset.UTC))
                            .onConflict(RETENTION_DEADLINE.TENANT_ID, RETENTION_DEADLINE.SUBJECT_ID,
                                    RETENTION_DEADLINE.CATEGORY_ID, RETENTION_DEADLINE.TRIGGER,
                                    RETENTION_DEADLINE.RULE_INDEX)
                            .doUpdate().set(RETENTION_DEADLINE.DUE_AT, due)
                            .set(RETENTION_DEADLINE.TRIGGERED_AT, at.atOffset(ZoneOffset.UTC))
                            .where(RETENTION_DEADLINE.DONE_AT.isNull())
                            .execute();
                }
            }
        });
    }

    /**
     * A tenant's retention rules changed (ADR 0019): open deadlines of data already held are
     * recomputed from their trigger time with the new rule of the same category, trigger and index.
     * A shorter period applies to them (the deadline moves earlier, possibly into the past: the next
     * run executes it); a longer one does not (the deadline stays), because the data was collected
     * under the notice that stated the shorter period. The action (shred or anonymise) follows the
     * new rule only when the deadline moves. Deadlines whose rule disappeared keep their date.
     * Returns how many deadlines moved.
     */
    int rulesChanged(TenantManifest manifest) {
        int moved = 0;
        var open = db.selectFrom(RETENTION_DEADLINE)
                .where(RETENTION_DEADLINE.TENANT_ID.eq(manifest.id()), RETENTION_DEADLINE.DONE_AT.isNull(),
                        RETENTION_DEADLINE.TRIGGERED_AT.isNotNull())
                .fetch();
        for (RetentionDeadlineRecord deadline : open) {
            var category = manifest.category(deadline.getCategoryId()).orElse(null);
            if (category == null || deadline.getRuleIndex() >= category.retention().size()) {
                continue;
            }
            RetentionRule rule = category.retention().get(deadline.getRuleIndex());
            if (!rule.trigger().name().equals(deadline.getTrigger())) {
                continue;
            }
            OffsetDateTime recomputed = rule.after().addTo(deadline.getTriggeredAt().toInstant()
                    .atZone(manifest.timeZone())).toInstant().atOffset(ZoneOffset.UTC);
            if (recomputed.isBefore(deadline.getDueAt())) {
                moved += db.update(RETENTION_DEADLINE)
                        .set(RETENTION_DEADLINE.DUE_AT, recomputed)
                        .set(RETENTION_DEADLINE.ACTION, rule.action().name())
                        .where(RETENTION_DEADLINE.ID.eq(deadline.getId()), RETENTION_DEADLINE.DONE_AT.isNull())
                        .execute();
            }
        }
        return moved;
    }

    /** Open deadlines of these subjects, earliest first. */
    List<de.amtsraum.privacy.RetentionDeadlines.Pending> pendingFor(String tenantId, java.util.Set<String> subjectIds) {
        return db.selectFrom(RETENTION_DEADLINE)
                .where(RETENTION_DEADLINE.TENANT_ID.eq(tenantId), RETENTION_DEADLINE.SUBJECT_ID.in(subjectIds),
                        RETENTION_DEADLINE.DONE_AT.isNull())
                .orderBy(RETENTION_DEADLINE.DUE_AT)
                .fetch(r -> new de.amtsraum.privacy.RetentionDeadlines.Pending(r.getSubjectId(), r.getCategoryId(),
                        r.getTrigger(), r.getAction(), r.getDueAt().toInstant()));
    }

    /**
     * Ids of deadlines due by the clock, oldest first, leaving out those in {@code skip} and those of
     * subjects under a legal hold (they run once the hold is lifted).
     */
    List<Long> due(java.util.Collection<Long> skip) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return db.select(RETENTION_DEADLINE.ID).from(RETENTION_DEADLINE)
                .where(RETENTION_DEADLINE.DONE_AT.isNull(), RETENTION_DEADLINE.DUE_AT.le(now),
                        skip.isEmpty() ? org.jooq.impl.DSL.noCondition() : RETENTION_DEADLINE.ID.notIn(skip),
                        org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(LEGAL_HOLD)
                                .where(LEGAL_HOLD.TENANT_ID.eq(RETENTION_DEADLINE.TENANT_ID),
                                        LEGAL_HOLD.SUBJECT_ID.eq(RETENTION_DEADLINE.SUBJECT_ID),
                                        LEGAL_HOLD.LIFTED_AT.isNull())))
                .orderBy(RETENTION_DEADLINE.DUE_AT)
                .limit(BATCH)
                .fetch(RETENTION_DEADLINE.ID);
    }

    /**
     * Executes one deadline in the caller's transaction, if it is still open and no other instance
     * holds it ({@code FOR UPDATE SKIP LOCKED}): shred, event and completion commit together.
     */
    boolean run(long id) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        RetentionDeadlineRecord deadline = db.selectFrom(RETENTION_DEADLINE)
                .where(RETENTION_DEADLINE.ID.eq(id), RETENTION_DEADLINE.DONE_AT.isNull())
                .forUpdate().skipLocked()
                .fetchOne();
        if (deadline == null) {
            return false;
        }
        keys.shredForRetention(new SubjectKeyId(deadline.getTenantId(), deadline.getSubjectId(),
                        deadline.getCategoryId()), RetentionTrigger.valueOf(deadline.getTrigger()),
                deadline.getRuleIndex(), RetentionRule.RetentionAction.valueOf(deadline.getAction()));
        db.update(RETENTION_DEADLINE).set(RETENTION_DEADLINE.DONE_AT, now)
                .where(RETENTION_DEADLINE.ID.eq(id)).execute();
        return true;
    }

    /** Once a subject's category is shredded for any reason, its open deadlines are moot. */
    void closeDeadlines(SubjectKeyId id) {
        db.update(RETENTION_DEADLINE).set(RETENTION_DEADLINE.DONE_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(RETENTION_DEADLINE.TENANT_ID.eq(id.tenantId()), RETENTION_DEADLINE.SUBJECT_ID.eq(id.subjectId()),
                        RETENTION_DEADLINE.CATEGORY_ID.eq(id.categoryId()), RETENTION_DEADLINE.DONE_AT.isNull())
                .execute();
    }
}
