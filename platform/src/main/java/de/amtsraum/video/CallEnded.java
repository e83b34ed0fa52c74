package de.amtsraum.video;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A call is over (LiveKit reported its room finished, or staff ended it). COMPLETED when staff and
 * citizen were both in the call, ABORTED otherwise (declined, nobody came, connection lost before the
 * citizen joined). The consultation case counts it as activity.
 *
 * @param startedAt when the second party joined, null when the call never started
 */
@Revision("1")
public record CallEnded(String tenantId,
                        @NotPersonal("random id") String callId,
                        @NotPersonal("random id of the consultation case") String caseId,
                        @NotPersonal("COMPLETED or ABORTED") Outcome outcome,
                        Instant startedAt,
                        Instant endedAt) implements TenantScoped {

    public enum Outcome { COMPLETED, ABORTED }
}
