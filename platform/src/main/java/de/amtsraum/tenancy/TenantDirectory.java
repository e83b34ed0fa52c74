package de.amtsraum.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.util.List;
import java.util.Optional;

/** The onboarded tenants, as the read model knows them. The way other contexts look a tenant up. */
public interface TenantDirectory {

    List<TenantSummary> list();

    Optional<TenantSummary> summary(String tenantId);

    Optional<TenantManifest> manifest(String tenantId);

    /** The manifest exactly as accepted (texts and logo inline): can be sent back to the operator API. */
    Optional<JsonNode> manifestDocument(String tenantId);

    default boolean exists(String tenantId) {
        return summary(tenantId).isPresent();
    }
}
