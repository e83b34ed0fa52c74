package de.amtsraum.moderation.internal;

import static de.amtsraum.readmodel.jooq.Tables.CITIZEN_BLOCK;

import de.amtsraum.moderation.BlockLifted;
import de.amtsraum.moderation.CitizenBlocked;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.RetentionTriggers;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code citizen_block} (reason sealed under the evidence subject, redacted when the evidence
 * is shredded; the address hash and the times stay) and starts the evidence's INCIDENT_RECORDED
 * retention at the block time. Subscribing processor: the row exists, and the deadline is scheduled,
 * when the command returns, in the same transaction (the evidence key was created when the event
 * was stored, just before).
 */
@Component
@ProcessingGroup(BlockProjection.GROUP)
class BlockProjection {

    static final String GROUP = "citizen-blocks";

    private final DSLContext db;
    private final PersonalDataCipher cipher;
    private final RetentionTriggers triggers;

    BlockProjection(DSLContext db, PersonalDataCipher cipher, RetentionTriggers triggers) {
        this.db = db;
        this.cipher = cipher;
        this.triggers = triggers;
    }

    @EventHandler
    void on(CitizenBlocked e) {
        int inserted = db.insertInto(CITIZEN_BLOCK)
                .set(CITIZEN_BLOCK.BLOCK_ID, e.blockId())
                .set(CITIZEN_BLOCK.TENANT_ID, e.tenantId())
                .set(CITIZEN_BLOCK.EVIDENCE_SUBJECT_ID, e.evidenceSubjectId())
                .set(CITIZEN_BLOCK.ADDRESS_INDEX, e.addressIndex())
                .set(CITIZEN_BLOCK.SOURCE, e.source())
                .set(CITIZEN_BLOCK.REASON, cipher.seal(e.tenantId(), e.evidenceSubjectId(), DataKind.ABUSE_EVIDENCE,
                        "reason", e.reason()))
                .set(CITIZEN_BLOCK.HAS_SCREENSHOT, e.screenshot() != null && !Redaction.VALUE.equals(e.screenshot()))
                .set(CITIZEN_BLOCK.BLOCKED_AT, utc(e.blockedAt()))
                .set(CITIZEN_BLOCK.BLOCKED_UNTIL, utc(e.blockedUntil()))
                .onConflictDoNothing()
                .execute();
        if (inserted > 0) {
            triggers.raise(e.tenantId(), e.evidenceSubjectId(), RetentionTrigger.INCIDENT_RECORDED, e.blockedAt());
        }
    }

    @EventHandler
    void on(BlockLifted e) {
        db.update(CITIZEN_BLOCK).set(CITIZEN_BLOCK.LIFTED_AT, utc(e.liftedAt()))
                .where(CITIZEN_BLOCK.BLOCK_ID.eq(e.blockId()), CITIZEN_BLOCK.TENANT_ID.eq(e.tenantId()))
                .execute();
    }

    /** The evidence is erased: the reason becomes the redaction value, the block stays. */
    @EventHandler
    void on(PersonalDataShredded e) {
        db.update(CITIZEN_BLOCK)
                .set(CITIZEN_BLOCK.REASON, DSL.inline(Redaction.VALUE))
                .set(CITIZEN_BLOCK.HAS_SCREENSHOT, false)
                .where(CITIZEN_BLOCK.TENANT_ID.eq(e.tenantId()), CITIZEN_BLOCK.EVIDENCE_SUBJECT_ID.eq(e.subjectId()),
                        CITIZEN_BLOCK.REASON.startsWith(PersonalDataCipher.sealedPrefix(e.categoryId())))
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
