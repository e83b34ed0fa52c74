package de.amtsraum.admin;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import org.axonframework.serialization.Revision;

/**
 * A tenant admin published the working draft with its privacy notice (version {@code noticeVersion});
 * the draft is the published configuration again.
 */
@Revision("1")
public record TenantDraftPublished(String tenantId, int noticeVersion,
                                   @NotPersonal("the tenant admin's account name (staff, never a citizen)") String publishedBy)
        implements TenantScoped {
}
