package de.amtsraum.tenancy;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The operator ended a tenant's suspension. {@code by}: the operator's account or client id. */
@Revision("1")
public record TenantResumed(String tenantId,
                            @NotPersonal("operator account or client id") String by,
                            @NotPersonal Instant at) implements TenantScoped {
}
