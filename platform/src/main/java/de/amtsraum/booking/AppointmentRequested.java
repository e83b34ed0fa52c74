package de.amtsraum.booking;

import static de.amtsraum.shared.privacy.DataKind.APPOINTMENT;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen asked for a slot: it is held until {@code holdExpiresAt} and becomes an appointment once
 * the citizen confirms through the mailed link. Only the fields the tenant's manifest asks for are
 * set; the others are null. The consent records the privacy notice version shown, and where the
 * tenant has them the accepted terms of use version and the citizen's statement about the minimum
 * age (ADULT or GUARDIAN_CONSENT; about a person, hence sealed).
 */
@Revision("1")
public record AppointmentRequested(
        String tenantId,
        @NotPersonal("random id") String appointmentId,
        @DataSubject String subjectId,
        @NotPersonal("catalogue id") String serviceId,
        @NotPersonal("catalogue id") String locationId,
        @NotPersonal("staff id from the tenant's manifest") String staffId,
        Instant start,
        Instant end,
        Instant occupiedUntil,
        Instant holdExpiresAt,
        @PersonalData(APPOINTMENT) String name,
        @PersonalData(APPOINTMENT) String email,
        @PersonalData(APPOINTMENT) String phone,
        @PersonalData(APPOINTMENT) String concern,
        @PersonalData(APPOINTMENT) String address,
        @PersonalData(APPOINTMENT) String birthDate,
        @NotPersonal("number of the published privacy notice the citizen was shown (since issue 7; earlier events hold the manifest hash)") String privacyNoticeVersion,
        @NotPersonal("version of the terms of use accepted, where the tenant has terms") String termsVersion,
        @PersonalData(APPOINTMENT) String ageConfirmation,
        Instant requestedAt) implements TenantScoped {
}
