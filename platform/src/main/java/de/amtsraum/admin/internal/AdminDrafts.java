package de.amtsraum.admin.internal;

import static de.amtsraum.readmodel.jooq.Tables.ADMIN_AUDIT;
import static de.amtsraum.readmodel.jooq.Tables.ADMIN_DRAFT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.admin.TenantDraftChanged;
import de.amtsraum.admin.TenantDraftDiscarded;
import de.amtsraum.admin.TenantDraftPublished;
import de.amtsraum.notice.PrivacyNotices;
import de.amtsraum.notice.PublishedNotice;
import de.amtsraum.shared.TenantRowSecurity;
import de.amtsraum.tenancy.TenantDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working draft of each tenant's configuration and the console's audit log. The draft is the
 * stored row, or, where there is none (never changed, discarded, published), the published
 * manifest. Every change goes through an event; the {@link DraftProjection} stores it.
 */
@Service
public class AdminDrafts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext db;
    private final EventGateway events;
    private final TenantDirectory tenants;
    private final ObjectProvider<PrivacyNotices> notices;

    AdminDrafts(DSLContext db, EventGateway events, TenantDirectory tenants, ObjectProvider<PrivacyNotices> notices) {
        this.db = db;
        this.events = events;
        this.tenants = tenants;
        this.notices = notices;
    }

    /** One line of the audit log. */
    public record AuditEntry(Instant at, String actor, String kind, String section, String description) {
    }

    /** A page of the audit log, newest first. */
    public record AuditPage(List<AuditEntry> entries, int page, boolean hasNext) {
    }

    /** The draft as a fresh mutable copy (the caller may change it and hand it to {@link #change}). */
    @Transactional(readOnly = true)
    public ObjectNode draft(String tenantId) {
        return stored(tenantId).map(DraftRow::document)
                .orElseGet(() -> (ObjectNode) tenants.manifestDocument(tenantId)
                        .orElseThrow(() -> new IllegalArgumentException("unknown tenant")).deepCopy());
    }

    /** Whether the draft differs from the published configuration (a row exists). */
    @Transactional(readOnly = true)
    public boolean changed(String tenantId) {
        return stored(tenantId).isPresent();
    }

    @Transactional
    public void change(String tenantId, String section, String description, String actor, ObjectNode document) {
        events.publish(new TenantDraftChanged(tenantId, section, description, actor, document));
    }

    @Transactional
    public void discard(String tenantId, String actor) {
        events.publish(new TenantDraftDiscarded(tenantId, actor));
    }

    /** The notice module (absent only in a build without it). */
    public PrivacyNotices notices() {
        return notices.getObject();
    }

    /** Publishes the draft with its notice; on refusal nothing changes (the exception carries the problems). */
    public PublishedNotice publish(String tenantId, String actor) {
        PublishedNotice published = notices().publish(tenantId, draft(tenantId), actor);
        events.publish(new TenantDraftPublished(tenantId, published.number(), actor));
        return published;
    }

    @Transactional(readOnly = true)
    public AuditPage audit(String tenantId, int page, int size) {
        TenantRowSecurity.bind(db, tenantId);
        var rows = db.selectFrom(ADMIN_AUDIT).where(ADMIN_AUDIT.TENANT_ID.eq(tenantId))
                .orderBy(ADMIN_AUDIT.SEQ.desc())
                .limit(size + 1).offset(page * size).fetch();
        List<AuditEntry> entries = rows.stream().limit(size)
                .map(r -> new AuditEntry(r.getOccurredAt().toInstant(), r.getActor(), r.getKind(), r.getSection(),
                        r.getDescription())).toList();
        return new AuditPage(entries, page, rows.size() > size);
    }

    private record DraftRow(ObjectNode document) {
    }

    private Optional<DraftRow> stored(String tenantId) {
        TenantRowSecurity.bind(db, tenantId);
        return db.select(ADMIN_DRAFT.DOCUMENT).from(ADMIN_DRAFT).where(ADMIN_DRAFT.TENANT_ID.eq(tenantId))
                .fetchOptional(ADMIN_DRAFT.DOCUMENT).map(AdminDrafts::parse).map(DraftRow::new);
    }

    private static ObjectNode parse(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("stored draft is not JSON", corrupt);
        }
    }
}
