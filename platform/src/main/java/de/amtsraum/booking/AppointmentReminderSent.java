package de.amtsraum.booking;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The reminder mail before the appointment went out (at most once per appointment and start). */
@Revision("1")
public record AppointmentReminderSent(String tenantId,
                                      @NotPersonal("random id") String appointmentId,
                                      @NotPersonal("pseudonymous id") String subjectId,
                                      Instant sentAt) implements TenantScoped {
}
