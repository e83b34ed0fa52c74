package de.amtsraum.tenancy;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The operator suspended a tenant: its pages and public APIs answer 503 until it is resumed.
 * Nothing is deleted. {@code by} is the operator's account or client id (a role account).
 */
@Revision("1")
public record TenantSuspended(String tenantId,
                              @NotPersonal("operator account or client id") String by,
                              @NotPersonal Instant at) implements TenantScoped {
}
