package de.amtsraum.privacy.internal;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable retention schedule ({@code retention_deadline}): deadlines are rows, so they survive
 * restarts; {@link #runDue()} executes every deadline that is due by the injected clock, including
 * those that fell due while the platform was down. Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so with several instances each deadline runs exactly once.
 */
class RetentionSchedule implements RetentionTriggers {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
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
                            .onConflict(RETENTION_DEADLINE.TENANT_ID, RETENTION_DEADLINE.SUBJECT_ID,
                                    RETENTION_DEADLINE.CATEGORY_ID, RETENTION_DEADLINE.TRIGGER,
                                    RETENTION_DEADLINE.RULE_INDEX)
                            .doUpdate().set(RETENTION_DEADLINE.DUE_AT, due)
                            .where(RETENTION_DEADLINE.DONE_AT.isNull())
                            .execute();
                }
            }
        });
    }

    /**
     * Executes due deadlines, one batch per transaction (the caller's). Returns how many ran, so a
     * caller can loop until none is left.
     */
    int runDueBatch() {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<RetentionDeadlineRecord> due = db.selectFrom(RETENTION_DEADLINE)
                .where(RETENTION_DEADLINE.DONE_AT.isNull(), RETENTION_DEADLINE.DUE_AT.le(now))
                .orderBy(RETENTION_DEADLINE.DUE_AT)
                .limit(BATCH)
                .forUpdate().skipLocked()
                .fetch();
        for (RetentionDeadlineRecord deadline : due) {
            keys.shredForRetention(new SubjectKeyId(deadline.getTenantId(), deadline.getSubjectId(),
                            deadline.getCategoryId()), RetentionTrigger.valueOf(deadline.getTrigger()),
                    deadline.getRuleIndex(), RetentionRule.RetentionAction.valueOf(deadline.getAction()));
            db.update(RETENTION_DEADLINE).set(RETENTION_DEADLINE.DONE_AT, now)
                    .where(RETENTION_DEADLINE.ID.eq(deadline.getId())).execute();
        }
        if (!due.isEmpty()) {
            log.info("Retention: {} deadline(s) executed", due.size());
        }
        return due.size();
    }

    /** Once a subject's category is shredded for any reason, its open deadlines are moot. */
    void closeDeadlines(SubjectKeyId id) {
        db.update(RETENTION_DEADLINE).set(RETENTION_DEADLINE.DONE_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(RETENTION_DEADLINE.TENANT_ID.eq(id.tenantId()), RETENTION_DEADLINE.SUBJECT_ID.eq(id.subjectId()),
                        RETENTION_DEADLINE.CATEGORY_ID.eq(id.categoryId()), RETENTION_DEADLINE.DONE_AT.isNull())
                .execute();
    }
}
