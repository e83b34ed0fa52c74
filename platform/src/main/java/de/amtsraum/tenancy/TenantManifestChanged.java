package de.amtsraum.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import org.axonframework.serialization.Revision;

/** A tenant's manifest was replaced by a different one; {@code revision} counts from 1 at onboarding. */
@Revision("1")
public record TenantManifestChanged(String tenantId,
                                    @NotPersonal("the authority's name") String name,
                                    @NotPersonal("facts about the authority") JsonNode manifest,
                                    @NotPersonal String manifestHash,
                                    @NotPersonal String previousHash,
                                    int revision,
                                    @NotPersonal("folder or operator client id") String appliedBy)
        implements TenantScoped {
}
