package de.amtsraum.account;

import static de.amtsraum.shared.privacy.DataKind.ACCOUNT;
import static de.amtsraum.shared.privacy.DataKind.ACCOUNT_EMAIL;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen registered an account; it can be used once the e-mail address is verified. The e-mail
 * address is of its own kind (ACCOUNT_EMAIL): it serves notifications only and is never shown to
 * staff. The password hash (Argon2id, PHC string) is sealed like the other account data. Where the
 * tenant has terms of use, the version accepted at registration is recorded in plain (it says which
 * text applied, nothing about the citizen); where it sets a minimum age, the citizen's statement
 * ({@code ADULT} or {@code GUARDIAN_CONSENT}) is sealed with the account data. Both are null for
 * tenants without those features and in events stored before they existed.
 */
@Revision("1")
public record CitizenAccountRegistered(
        String tenantId,
        @NotPersonal("random id") String accountId,
        @DataSubject String subjectId,
        @PersonalData(ACCOUNT) String username,
        @PersonalData(ACCOUNT) String displayName,
        @PersonalData(ACCOUNT_EMAIL) String email,
        @PersonalData(ACCOUNT) String phone,
        @PersonalData(ACCOUNT) String passwordHash,
        @NotPersonal("number of the published privacy notice the citizen was shown (since issue 7; earlier events hold the manifest hash)") String privacyNoticeVersion,
        @NotPersonal("version of the terms of use accepted, where the tenant has terms") String termsVersion,
        @PersonalData(ACCOUNT) String ageConfirmation,
        Instant registeredAt) implements TenantScoped {
}
