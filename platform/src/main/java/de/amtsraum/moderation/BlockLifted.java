package de.amtsraum.moderation;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Staff lifted a block before its end; bookings from the address are accepted again. */
@Revision("1")
public record BlockLifted(String tenantId,
                          @NotPersonal("random id") String blockId,
                          Instant liftedAt) implements TenantScoped {
}
