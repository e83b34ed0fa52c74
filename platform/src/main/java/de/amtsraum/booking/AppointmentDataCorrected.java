package de.amtsraum.booking;

import static de.amtsraum.shared.privacy.DataKind.APPOINTMENT;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The citizen corrected the data of their appointment (Art. 16 GDPR, issue 8). Only changed fields
 * carry a value (null = unchanged), sealed under the appointment's subject like the original in
 * {@link AppointmentRequested}, which stays sealed there and is erased with the same key. The e-mail
 * address is not corrected this way (the verified channel and the key that finds the person).
 */
@Revision("1")
public record AppointmentDataCorrected(String tenantId,
                                       @NotPersonal("random id") String appointmentId,
                                       @DataSubject String subjectId,
                                       @PersonalData(APPOINTMENT) String name,
                                       @PersonalData(APPOINTMENT) String phone,
                                       @PersonalData(APPOINTMENT) String address,
                                       @PersonalData(APPOINTMENT) String birthDate,
                                       Instant correctedAt) implements TenantScoped {
}
