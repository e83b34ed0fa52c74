package de.amtsraum.booking;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The citizen confirmed the held slot through the mailed link (double opt-in). */
@Revision("1")
public record AppointmentConfirmed(String tenantId,
                                   @NotPersonal("random id") String appointmentId,
                                   @NotPersonal("pseudonymous id") String subjectId,
                                   Instant start,
                                   Instant end,
                                   Instant confirmedAt) implements TenantScoped {
}
