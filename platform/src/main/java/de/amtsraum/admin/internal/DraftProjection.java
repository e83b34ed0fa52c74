package de.amtsraum.admin.internal;

import static de.amtsraum.readmodel.jooq.Tables.ADMIN_AUDIT;
import static de.amtsraum.readmodel.jooq.Tables.ADMIN_DRAFT;

import de.amtsraum.admin.TenantDraftChanged;
import de.amtsraum.admin.TenantDraftDiscarded;
import de.amtsraum.admin.TenantDraftPublished;
import de.amtsraum.shared.TenantRowSecurity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code admin_draft} (the working draft) and {@code admin_audit} (the audit log) from the
 * console's events. Subscribing processor {@value #GROUP}: same transaction as the append, so the
 * page after a change shows it; audit rows are keyed by event id, so a replay adds nothing twice.
 */
@Component
@ProcessingGroup(DraftProjection.GROUP)
class DraftProjection {

    static final String GROUP = "admin-drafts";

    private final DSLContext db;

    DraftProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(TenantDraftChanged event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        TenantRowSecurity.bind(db, event.tenantId());
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        db.insertInto(ADMIN_DRAFT)
                .set(ADMIN_DRAFT.TENANT_ID, event.tenantId())
                .set(ADMIN_DRAFT.DOCUMENT, event.document().toString())
                .set(ADMIN_DRAFT.CHANGED_AT, when)
                .set(ADMIN_DRAFT.CHANGED_BY, event.changedBy())
                .onConflict(ADMIN_DRAFT.TENANT_ID).doUpdate()
                .set(ADMIN_DRAFT.DOCUMENT, event.document().toString())
                .set(ADMIN_DRAFT.CHANGED_AT, when)
                .set(ADMIN_DRAFT.CHANGED_BY, event.changedBy())
                .execute();
        audit(eventId, event.tenantId(), when, event.changedBy(), "CHANGED", event.section(), event.description());
    }

    @EventHandler
    void on(TenantDraftDiscarded event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        TenantRowSecurity.bind(db, event.tenantId());
        db.deleteFrom(ADMIN_DRAFT).where(ADMIN_DRAFT.TENANT_ID.eq(event.tenantId())).execute();
        audit(eventId, event.tenantId(), at.atOffset(ZoneOffset.UTC), event.discardedBy(), "DISCARDED", "draft",
                "Entwurf verworfen");
    }

    @EventHandler
    void on(TenantDraftPublished event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        TenantRowSecurity.bind(db, event.tenantId());
        db.deleteFrom(ADMIN_DRAFT).where(ADMIN_DRAFT.TENANT_ID.eq(event.tenantId())).execute();
        audit(eventId, event.tenantId(), at.atOffset(ZoneOffset.UTC), event.publishedBy(), "PUBLISHED", "publish",
                "Konfiguration und Datenschutzhinweis Version " + event.noticeVersion() + " veröffentlicht");
    }

    private void audit(String eventId, String tenantId, OffsetDateTime at, String actor, String kind, String section,
                       String description) {
        db.insertInto(ADMIN_AUDIT)
                .set(ADMIN_AUDIT.EVENT_ID, eventId)
                .set(ADMIN_AUDIT.TENANT_ID, tenantId)
                .set(ADMIN_AUDIT.OCCURRED_AT, at)
                .set(ADMIN_AUDIT.ACTOR, actor)
                .set(ADMIN_AUDIT.KIND, kind)
                .set(ADMIN_AUDIT.SECTION, section)
                .set(ADMIN_AUDIT.DESCRIPTION, description.length() > 400 ? description.substring(0, 400) : description)
                .onConflict(ADMIN_AUDIT.EVENT_ID).doNothing()
                .execute();
    }
}
