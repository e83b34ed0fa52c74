package de.amtsraum.notice;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A new version of a tenant's privacy notice was published: the notice generated from the manifest
 * the tenancy just applied differed from the current version. No citizen data; the HTML itself is
 * kept immutable in the read model {@code privacy_notice_version}.
 *
 * @param number       1, 2, 3 … per tenant
 * @param publishedBy  who applied the manifest: {@code folder}, the operator client id, or the admin's
 *                     role account (staff accounts, never a citizen)
 * @param manifestHash the manifest the notice was generated from
 */
@Revision("1")
public record PrivacyNoticePublished(String tenantId,
                                     @NotPersonal("version number") int number,
                                     @NotPersonal("publication time") Instant publishedAt,
                                     @NotPersonal("folder, operator client id or the tenant admin's role account") String publishedBy,
                                     @NotPersonal("hash of the authority's manifest") String manifestHash)
        implements TenantScoped {
}
