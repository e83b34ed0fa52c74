package de.amtsraum.rights;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The restriction and any undecided objection of the person's subjects ended (the citizen lifted it,
 * or staff after settling the contested accuracy or deciding the objection): processing goes on.
 * No personal data.
 */
@Revision("1")
public record RestrictionLifted(String tenantId,
                                @NotPersonal("random id") String liftId,
                                @NotPersonal("pseudonymous ids") List<String> personSubjectIds,
                                @NotPersonal("how the request arrived") RequestChannel channel,
                                Instant liftedAt) implements TenantScoped {
}
