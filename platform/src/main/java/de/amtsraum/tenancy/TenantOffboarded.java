package de.amtsraum.tenancy;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A tenant left the platform: its key-encryption key is destroyed, so every personal field of the
 * tenant is unreadable for good (ADR 0022). Final: the id cannot be onboarded again. Carries no
 * personal data; {@code by} is the operator's account or client id.
 */
@Revision("1")
public record TenantOffboarded(String tenantId,
                               @NotPersonal("operator account or client id") String by,
                               @NotPersonal Instant at) implements TenantScoped {
}
