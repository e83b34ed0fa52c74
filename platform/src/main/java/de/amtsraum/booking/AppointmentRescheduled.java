package de.amtsraum.booking;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The citizen moved a confirmed appointment to another free slot of the same service. */
@Revision("1")
public record AppointmentRescheduled(String tenantId,
                                     @NotPersonal("random id") String appointmentId,
                                     @NotPersonal("pseudonymous id") String subjectId,
                                     @NotPersonal("staff id from the tenant's manifest") String staffId,
                                     Instant start,
                                     Instant end,
                                     Instant occupiedUntil,
                                     Instant rescheduledAt) implements TenantScoped {
}
