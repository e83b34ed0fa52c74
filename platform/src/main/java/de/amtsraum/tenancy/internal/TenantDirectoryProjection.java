package de.amtsraum.tenancy.internal;

import static de.amtsraum.readmodel.jooq.Tables.TENANT_DIRECTORY;

import de.amtsraum.tenancy.TenantManifestChanged;
import de.amtsraum.tenancy.TenantOffboarded;
import de.amtsraum.tenancy.TenantOnboarded;
import de.amtsraum.tenancy.TenantResumed;
import de.amtsraum.tenancy.TenantStatus;
import de.amtsraum.tenancy.TenantSuspended;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code tenant_directory} in step with the Tenant aggregates. Runs in the subscribing
 * processor {@value #GROUP} (same transaction as the append), so a tenant is listed as soon as the
 * onboarding command returns; upserts make replays harmless.
 */
@Component
@ProcessingGroup(TenantDirectoryProjection.GROUP)
class TenantDirectoryProjection {

    static final String GROUP = "tenant-directory";

    private final DSLContext db;

    TenantDirectoryProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(TenantOnboarded event, @Timestamp Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        db.insertInto(TENANT_DIRECTORY)
                .set(TENANT_DIRECTORY.TENANT_ID, event.tenantId())
                .set(TENANT_DIRECTORY.NAME, event.name())
                .set(TENANT_DIRECTORY.STATUS, "ACTIVE")
                .set(TENANT_DIRECTORY.MANIFEST, JSONB.valueOf(event.manifest().toString()))
                .set(TENANT_DIRECTORY.MANIFEST_HASH, event.manifestHash())
                .set(TENANT_DIRECTORY.MANIFEST_REVISION, 1)
                .set(TENANT_DIRECTORY.ONBOARDED_AT, when)
                .set(TENANT_DIRECTORY.UPDATED_AT, when)
                .onConflict(TENANT_DIRECTORY.TENANT_ID).doNothing()
                .execute();
    }

    @EventHandler
    void on(TenantManifestChanged event, @Timestamp Instant at) {
        db.update(TENANT_DIRECTORY)
                .set(TENANT_DIRECTORY.NAME, event.name())
                .set(TENANT_DIRECTORY.MANIFEST, JSONB.valueOf(event.manifest().toString()))
                .set(TENANT_DIRECTORY.MANIFEST_HASH, event.manifestHash())
                .set(TENANT_DIRECTORY.MANIFEST_REVISION, event.revision())
                .set(TENANT_DIRECTORY.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .where(TENANT_DIRECTORY.TENANT_ID.eq(event.tenantId()))
                .and(TENANT_DIRECTORY.MANIFEST_REVISION.lt(event.revision()))
                .execute();
    }

    @EventHandler
    void on(TenantSuspended event) {
        status(event.tenantId(), TenantStatus.SUSPENDED);
    }

    @EventHandler
    void on(TenantResumed event) {
        status(event.tenantId(), TenantStatus.ACTIVE);
    }

    @EventHandler
    void on(TenantOffboarded event) {
        status(event.tenantId(), TenantStatus.OFFBOARDED);
    }

    private void status(String tenantId, TenantStatus status) {
        // updated_at stays the date of the manifest in force.
        db.update(TENANT_DIRECTORY)
                .set(TENANT_DIRECTORY.STATUS, status.name())
                .where(TENANT_DIRECTORY.TENANT_ID.eq(tenantId))
                .execute();
    }

    @ResetHandler
    void reset() {
        db.deleteFrom(TENANT_DIRECTORY).execute();
    }
}
