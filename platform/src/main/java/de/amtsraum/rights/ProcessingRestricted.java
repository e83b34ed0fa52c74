package de.amtsraum.rights;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A citizen (or staff on their request) restricted the processing of their data (Art. 18 GDPR):
 * from now on it is only stored — no handover to the specialist system, no reminder or cancellation
 * mail, no staff change of their cases — until {@link RestrictionLifted}. No personal data: which
 * pseudonymous subjects, through which channel, when.
 *
 * @param restrictionId random id of this request
 * @param personSubjectIds every subject of the person, restricted together
 */
@Revision("1")
public record ProcessingRestricted(String tenantId,
                                   @NotPersonal("random id") String restrictionId,
                                   @NotPersonal("pseudonymous ids") List<String> personSubjectIds,
                                   @NotPersonal("how the request arrived") RequestChannel channel,
                                   Instant restrictedAt) implements TenantScoped {
}
