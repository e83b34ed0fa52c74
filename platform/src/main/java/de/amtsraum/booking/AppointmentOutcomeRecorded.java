package de.amtsraum.booking;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Staff recorded how the appointment went: the citizen came (DONE) or did not (NO_SHOW). */
@Revision("1")
public record AppointmentOutcomeRecorded(String tenantId,
                                         @NotPersonal("random id") String appointmentId,
                                         @NotPersonal("pseudonymous id") String subjectId,
                                         @NotPersonal("DONE or NO_SHOW") Outcome outcome,
                                         Instant recordedAt) implements TenantScoped {

    public enum Outcome { DONE, NO_SHOW }
}
