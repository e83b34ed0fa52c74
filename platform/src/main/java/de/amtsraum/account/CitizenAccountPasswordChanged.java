package de.amtsraum.account;

import static de.amtsraum.shared.privacy.DataKind.ACCOUNT;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A new password (hash sealed); {@code how} says whether through the mailed reset link. */
@Revision("1")
public record CitizenAccountPasswordChanged(String tenantId,
                                            @NotPersonal("random id") String accountId,
                                            @DataSubject String subjectId,
                                            @PersonalData(ACCOUNT) String passwordHash,
                                            @NotPersonal("RESET or CHANGE") How how,
                                            Instant changedAt) implements TenantScoped {

    public enum How { RESET, CHANGE }
}
