package de.amtsraum.tenancy;

import de.amtsraum.tenancy.manifest.TenantManifest;
import java.util.List;
import java.util.Optional;

/** The onboarded tenants, as the read model knows them. The way other contexts look a tenant up. */
public interface TenantDirectory {

    List<TenantSummary> list();

    Optional<TenantSummary> summary(String tenantId);

    Optional<TenantManifest> manifest(String tenantId);

    default boolean exists(String tenantId) {
        return summary(tenantId).isPresent();
    }
}
