package de.amtsraum.account;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The citizen closed the account: no login any more, and the tenant's ACCOUNT_CLOSED retention
 * rules start at {@code closedAt}.
 */
@Revision("1")
public record CitizenAccountClosed(String tenantId,
                                   @NotPersonal("random id") String accountId,
                                   @DataSubject String subjectId,
                                   Instant closedAt) implements TenantScoped {
}
