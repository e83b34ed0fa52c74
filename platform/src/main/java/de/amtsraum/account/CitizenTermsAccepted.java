package de.amtsraum.account;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A signed-in citizen accepted a new version of the tenant's terms of use (the version accepted at
 * registration is in {@link CitizenAccountRegistered}). Until then the account pages lead to the
 * acceptance page only.
 */
@Revision("1")
public record CitizenTermsAccepted(String tenantId,
                                   @NotPersonal("random id") String accountId,
                                   @DataSubject String subjectId,
                                   @NotPersonal("version of the terms of use: a hash prefix of the tenant's text") String termsVersion,
                                   Instant acceptedAt) implements TenantScoped {
}
