package de.amtsraum.consultation;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A video call of the case ended (from {@code de.amtsraum.video.CallEnded}); it counts as activity.
 * No personal data: which call, and whether both parties were in it.
 *
 * @param startedAt when the second party joined, null when the call never started
 */
@Revision("1")
public record ConsultationCallHeld(String tenantId,
                                   @NotPersonal("random id") String caseId,
                                   @NotPersonal("pseudonymous id") String subjectId,
                                   @NotPersonal("random id") String callId,
                                   @NotPersonal("COMPLETED or ABORTED") String callOutcome,
                                   Instant startedAt,
                                   Instant endedAt) implements TenantScoped {
}
