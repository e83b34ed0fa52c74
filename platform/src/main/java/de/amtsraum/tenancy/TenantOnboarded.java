package de.amtsraum.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.shared.TenantScoped;
import org.axonframework.serialization.Revision;

/**
 * An authority became a tenant. {@code manifest} is the self-contained manifest document
 * (facts about the authority, no citizen data); {@code appliedBy} is the source: {@code folder}
 * or the operator client id.
 */
@Revision("1")
public record TenantOnboarded(String tenantId, String name, JsonNode manifest, String manifestHash,
                              String appliedBy) implements TenantScoped {
}
