package de.amtsraum.contact;

import static de.amtsraum.shared.privacy.DataKind.CONTACT_REQUEST;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The citizen corrected their contact request (Art. 16 GDPR, issue 8). Only changed fields carry a
 * value (null = unchanged); sealed under the request's subject like the original, which stays sealed
 * in {@link ContactRequestSubmitted} and is erased with the same key. The e-mail address and the
 * message are not corrected this way (the address is the verified channel; the message is what was
 * said).
 */
@Revision("1")
public record ContactRequestCorrected(String tenantId,
                                      @NotPersonal("random id") String requestId,
                                      @DataSubject String subjectId,
                                      @PersonalData(CONTACT_REQUEST) String lastName,
                                      @PersonalData(CONTACT_REQUEST) String firstName,
                                      @PersonalData(CONTACT_REQUEST) String street,
                                      @PersonalData(CONTACT_REQUEST) String houseNumber,
                                      @PersonalData(CONTACT_REQUEST) String postalCode,
                                      @PersonalData(CONTACT_REQUEST) String town,
                                      Instant correctedAt) implements TenantScoped {
}
