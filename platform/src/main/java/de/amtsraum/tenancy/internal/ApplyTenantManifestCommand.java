package de.amtsraum.tenancy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.shared.TenantScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record ApplyTenantManifestCommand(@TargetAggregateIdentifier String tenantId, String name, JsonNode manifest,
                                  String manifestHash, String appliedBy) implements TenantScoped {
}
