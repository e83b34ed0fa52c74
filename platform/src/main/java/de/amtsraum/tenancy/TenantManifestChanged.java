package de.amtsraum.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.shared.TenantScoped;
import org.axonframework.serialization.Revision;

/** A tenant's manifest was replaced by a different one; {@code revision} counts from 1 at onboarding. */
@Revision("1")
public record TenantManifestChanged(String tenantId, String name, JsonNode manifest, String manifestHash,
                                    String previousHash, int revision, String appliedBy) implements TenantScoped {
}
