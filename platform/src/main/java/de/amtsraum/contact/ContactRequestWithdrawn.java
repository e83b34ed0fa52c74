package de.amtsraum.contact;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The citizen withdrew the request (and the consent): its data is erased at once. */
@Revision("1")
public record ContactRequestWithdrawn(String tenantId,
                                      @NotPersonal("random id") String requestId,
                                      @NotPersonal("pseudonymous id") String subjectId,
                                      Instant withdrawnAt) implements TenantScoped {
}
