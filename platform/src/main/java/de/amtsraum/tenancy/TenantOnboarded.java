package de.amtsraum.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import org.axonframework.serialization.Revision;

/**
 * An authority became a tenant. {@code manifest} is the self-contained manifest document
 * (facts about the authority, no citizen data); {@code appliedBy} is the source: {@code folder}
 * or the operator client id.
 */
@Revision("1")
public record TenantOnboarded(String tenantId,
                              @NotPersonal("the authority's name") String name,
                              @NotPersonal("facts about the authority; names roles and mailboxes, not persons") JsonNode manifest,
                              @NotPersonal String manifestHash,
                              @NotPersonal("folder or operator client id") String appliedBy) implements TenantScoped {
}
