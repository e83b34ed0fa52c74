package de.amtsraum.booking;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The hold was not confirmed in time: the slot is free again and the data erased. */
@Revision("1")
public record AppointmentHoldExpired(String tenantId,
                                     @NotPersonal("random id") String appointmentId,
                                     @NotPersonal("pseudonymous id") String subjectId,
                                     Instant expiredAt) implements TenantScoped {
}
