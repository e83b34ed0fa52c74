package de.amtsraum.contact;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Staff concluded the conversation: the tenant's CONVERSATION_CONCLUDED retention rules start now. */
@Revision("1")
public record ContactRequestConcluded(String tenantId,
                                      @NotPersonal("random id") String requestId,
                                      @NotPersonal("pseudonymous id") String subjectId,
                                      Instant concludedAt) implements TenantScoped {
}
