package de.amtsraum.handover.internal;

import static de.amtsraum.readmodel.jooq.Tables.CASE_HANDOVER;

import de.amtsraum.readmodel.jooq.tables.records.CaseHandoverRecord;
import de.amtsraum.shared.TenantRowSecurity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The {@code case_handover} table: one row per published handover with the hash of its reference.
 * Every method binds the tenant for row-level security and must run inside a transaction.
 */
final class HandoverRecords {

    private final DSLContext db;

    HandoverRecords(DSLContext db) {
        this.db = db;
    }

    /** Records a handover about to be sent; a row that exists already (a re-send) keeps its times. */
    void recordPublished(String tenantId, String handoverId, String caseId, String aggregateId, long sequenceNumber,
            String referenceHash, Instant publishedAt, Instant expiresAt) {
        TenantRowSecurity.bind(db, tenantId);
        db.insertInto(CASE_HANDOVER)
                .set(CASE_HANDOVER.TENANT_ID, tenantId)
                .set(CASE_HANDOVER.HANDOVER_ID, handoverId)
                .set(CASE_HANDOVER.CASE_ID, caseId)
                .set(CASE_HANDOVER.AGGREGATE_ID, aggregateId)
                .set(CASE_HANDOVER.SEQUENCE_NUMBER, sequenceNumber)
                .set(CASE_HANDOVER.REFERENCE_HASH, referenceHash)
                .set(CASE_HANDOVER.PUBLISHED_AT, utc(publishedAt))
                .set(CASE_HANDOVER.EXPIRES_AT, utc(expiresAt))
                // A re-send keeps its row; the reference is the same unless the secret was rotated,
                // then an unredeemed handover takes the new one.
                .onConflict(CASE_HANDOVER.HANDOVER_ID).doUpdate()
                .set(CASE_HANDOVER.REFERENCE_HASH, DSL.excluded(CASE_HANDOVER.REFERENCE_HASH))
                .where(CASE_HANDOVER.REDEEMED_AT.isNull())
                .execute();
    }

    /** A handover not sent because the case subject's processing is restricted (issue 8); idempotent. */
    void recordWithheld(String tenantId, String handoverId, String caseId, Instant withheldAt) {
        TenantRowSecurity.bind(db, tenantId);
        db.insertInto(de.amtsraum.readmodel.jooq.Tables.HANDOVER_WITHHELD)
                .set(de.amtsraum.readmodel.jooq.Tables.HANDOVER_WITHHELD.TENANT_ID, tenantId)
                .set(de.amtsraum.readmodel.jooq.Tables.HANDOVER_WITHHELD.HANDOVER_ID, handoverId)
                .set(de.amtsraum.readmodel.jooq.Tables.HANDOVER_WITHHELD.CASE_ID, caseId)
                .set(de.amtsraum.readmodel.jooq.Tables.HANDOVER_WITHHELD.WITHHELD_AT, utc(withheldAt))
                .onConflictDoNothing()
                .execute();
    }

    Optional<CaseHandoverRecord> byReference(String tenantId, String referenceHash) {
        TenantRowSecurity.bind(db, tenantId);
        return db.selectFrom(CASE_HANDOVER)
                .where(CASE_HANDOVER.TENANT_ID.eq(tenantId), CASE_HANDOVER.REFERENCE_HASH.eq(referenceHash))
                .fetchOptional();
    }

    /** Marks the handover redeemed unless it is already: true for exactly one caller. */
    boolean markRedeemed(String tenantId, String handoverId, Instant at) {
        TenantRowSecurity.bind(db, tenantId);
        return db.update(CASE_HANDOVER)
                .set(CASE_HANDOVER.REDEEMED_AT, utc(at))
                .where(CASE_HANDOVER.TENANT_ID.eq(tenantId), CASE_HANDOVER.HANDOVER_ID.eq(handoverId),
                        CASE_HANDOVER.REDEEMED_AT.isNull())
                .execute() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
