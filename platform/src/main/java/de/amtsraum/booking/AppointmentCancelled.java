package de.amtsraum.booking;

import static de.amtsraum.shared.privacy.DataKind.APPOINTMENT;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The appointment was cancelled, by the citizen through the mailed link or by staff with a reason
 * (free text, hence sealed like the citizen's fields). The slot is free again.
 */
@Revision("1")
public record AppointmentCancelled(String tenantId,
                                   @NotPersonal("random id") String appointmentId,
                                   @DataSubject String subjectId,
                                   @NotPersonal("who cancelled: CITIZEN or STAFF") CancelledBy by,
                                   @PersonalData(APPOINTMENT) String reason,
                                   Instant cancelledAt) implements TenantScoped {

    public enum CancelledBy { CITIZEN, STAFF }
}
