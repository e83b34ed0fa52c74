package de.amtsraum.rights.internal;

import static de.amtsraum.readmodel.jooq.Tables.RIGHTS_RESTRICTION;

import de.amtsraum.privacy.ProcessingRestrictions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Restrictions and undecided objections in force, from {@code rights_restriction}. */
@Component
class JooqProcessingRestrictions implements ProcessingRestrictions {

    private final DSLContext db;

    JooqProcessingRestrictions(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean restricted(String tenantId, String subjectId) {
        if (tenantId == null || subjectId == null) {
            return false;
        }
        return db.fetchExists(RIGHTS_RESTRICTION, RIGHTS_RESTRICTION.TENANT_ID.eq(tenantId),
                RIGHTS_RESTRICTION.SUBJECT_ID.eq(subjectId), RIGHTS_RESTRICTION.LIFTED_AT.isNull());
    }

    /** The earliest start of a restriction of this kind in force on any of the subjects, or null. */
    Instant inForceSince(String tenantId, Collection<String> subjectIds, RestrictionProjection.Kind kind) {
        OffsetDateTime since = db.select(DSL.min(RIGHTS_RESTRICTION.SINCE)).from(RIGHTS_RESTRICTION)
                .where(RIGHTS_RESTRICTION.TENANT_ID.eq(tenantId), RIGHTS_RESTRICTION.SUBJECT_ID.in(subjectIds),
                        RIGHTS_RESTRICTION.KIND.eq(kind.name()), RIGHTS_RESTRICTION.LIFTED_AT.isNull())
                .fetchOne(0, OffsetDateTime.class);
        return since == null ? null : since.toInstant();
    }

    /** Whether every one of the subjects is under a restriction of this kind. */
    boolean allUnder(String tenantId, Collection<String> subjectIds, RestrictionProjection.Kind kind) {
        int count = db.fetchCount(db.selectDistinct(RIGHTS_RESTRICTION.SUBJECT_ID).from(RIGHTS_RESTRICTION)
                .where(RIGHTS_RESTRICTION.TENANT_ID.eq(tenantId), RIGHTS_RESTRICTION.SUBJECT_ID.in(subjectIds),
                        RIGHTS_RESTRICTION.KIND.eq(kind.name()), RIGHTS_RESTRICTION.LIFTED_AT.isNull()));
        return count == subjectIds.size();
    }

    boolean anyInForce(String tenantId, Collection<String> subjectIds) {
        return db.fetchExists(RIGHTS_RESTRICTION, RIGHTS_RESTRICTION.TENANT_ID.eq(tenantId),
                RIGHTS_RESTRICTION.SUBJECT_ID.in(subjectIds), RIGHTS_RESTRICTION.LIFTED_AT.isNull());
    }
}
