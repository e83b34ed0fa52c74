package de.amtsraum.privacy.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantManifestChanged;
import de.amtsraum.tenancy.TenantOnboarded;
import org.axonframework.config.ProcessingGroup;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;

/**
 * Which of a tenant's data categories covers a kind of data, from the tenant's manifest. Manifests
 * of tenants in use are kept briefly; a manifest change evicts its tenant at once on this instance.
 */
@ProcessingGroup(CategoryResolver.GROUP)
class CategoryResolver {

    static final String GROUP = "privacy-categories";

    private final TenantDirectory tenants;
    private RetentionSchedule schedule;
    private final Cache<String, Optional<TenantManifest>> manifests = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    CategoryResolver(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    Optional<TenantManifest> manifest(String tenantId) {
        return manifests.get(tenantId, tenants::manifest);
    }

    Optional<String> categoryFor(String tenantId, DataKind kind) {
        return manifest(tenantId).flatMap(manifest -> manifest.categoryFor(kind)).map(TenantManifest.DataCategory::id);
    }

    void useSchedule(RetentionSchedule schedule) {
        this.schedule = schedule;
    }

    /** Evicts the tenant and applies shorter retention periods to data already held (ADR 0019). */
    @EventHandler
    void on(TenantManifestChanged changed) {
        manifests.invalidate(changed.tenantId());
        if (schedule != null) {
            schedule.rulesChanged(de.amtsraum.tenancy.manifest.ManifestReader.typed(changed.manifest()));
        }
    }

    @EventHandler
    void on(TenantOnboarded onboarded) {
        manifests.invalidate(onboarded.tenantId());
    }
}
