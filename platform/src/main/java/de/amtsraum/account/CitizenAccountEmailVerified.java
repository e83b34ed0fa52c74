package de.amtsraum.account;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The citizen opened the mailed verification link: the account can be used to log in. */
@Revision("1")
public record CitizenAccountEmailVerified(String tenantId,
                                          @NotPersonal("random id") String accountId,
                                          @DataSubject String subjectId,
                                          Instant verifiedAt) implements TenantScoped {
}
