package de.amtsraum.contact;

import static de.amtsraum.shared.privacy.DataKind.CONTACT_REQUEST;
import static de.amtsraum.shared.privacy.DataKind.SUBMISSION_METADATA;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen sent a contact request. The request's content and the technical data of the submission
 * are two categories with their own keys; the consent records the privacy notice version shown.
 */
@Revision("1")
public record ContactRequestSubmitted(
        String tenantId,
        @NotPersonal("random id") String requestId,
        @DataSubject String subjectId,
        @PersonalData(CONTACT_REQUEST) String lastName,
        @PersonalData(CONTACT_REQUEST) String firstName,
        @PersonalData(CONTACT_REQUEST) String email,
        @PersonalData(CONTACT_REQUEST) String message,
        @PersonalData(CONTACT_REQUEST) String street,
        @PersonalData(CONTACT_REQUEST) String houseNumber,
        @PersonalData(CONTACT_REQUEST) String postalCode,
        @PersonalData(CONTACT_REQUEST) String town,
        @PersonalData(SUBMISSION_METADATA) String browser,
        @PersonalData(SUBMISSION_METADATA) String operatingSystem,
        @PersonalData(SUBMISSION_METADATA) String ipAddress,
        @NotPersonal("number of the published privacy notice the citizen was shown (since issue 7; earlier events hold the manifest hash)") String privacyNoticeVersion,
        Instant submittedAt) implements TenantScoped {
}
