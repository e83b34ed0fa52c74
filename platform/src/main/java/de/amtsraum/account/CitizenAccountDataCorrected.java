package de.amtsraum.account;

import static de.amtsraum.shared.privacy.DataKind.ACCOUNT;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The citizen corrected the display name or phone of their account (Art. 16 GDPR, issue 8). Only
 * changed fields carry a value (null = unchanged), sealed under the account's subject like the
 * original in {@link CitizenAccountRegistered}. The e-mail address is not corrected this way (the
 * verified login and the key that finds the person).
 */
@Revision("1")
public record CitizenAccountDataCorrected(String tenantId,
                                          @NotPersonal("random id") String accountId,
                                          @DataSubject String subjectId,
                                          @PersonalData(ACCOUNT) String displayName,
                                          @PersonalData(ACCOUNT) String phone,
                                          Instant correctedAt) implements TenantScoped {
}
