package de.amtsraum.admin;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import org.axonframework.serialization.Revision;

/** A tenant admin threw the working draft away: the draft is the published configuration again. */
@Revision("1")
public record TenantDraftDiscarded(String tenantId,
                                   @NotPersonal("the tenant admin's account name (staff, never a citizen)") String discardedBy)
        implements TenantScoped {
}
