package de.amtsraum.rights;

import static de.amtsraum.shared.privacy.DataKind.RIGHTS_REQUEST;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Staff verified the requester's identity (how, by whom). */
@Revision("1")
public record RightsRequestIdentityVerified(String tenantId,
                                            @NotPersonal("random id") String requestId,
                                            @DataSubject String subjectId,
                                            @NotPersonal("method code") RightsRequests.VerificationMethod method,
                                            @PersonalData(RIGHTS_REQUEST) String note,
                                            @NotPersonal("staff account id") String verifiedBy,
                                            Instant verifiedAt) implements TenantScoped {
}
