package de.amtsraum.rights;

import static de.amtsraum.shared.privacy.DataKind.RIGHTS_REQUEST;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The deadline was extended once (Art. 12(3) sentence 2 GDPR); the citizen was told. */
@Revision("1")
public record RightsRequestExtended(String tenantId,
                                    @NotPersonal("random id") String requestId,
                                    @DataSubject String subjectId,
                                    @NotPersonal("months added, 1 or 2") int months,
                                    @NotPersonal("the new deadline") LocalDate deadline,
                                    @PersonalData(RIGHTS_REQUEST) String reason,
                                    @NotPersonal("staff confirmed the citizen was informed") boolean citizenInformed,
                                    @NotPersonal("staff account id") String extendedBy,
                                    Instant extendedAt) implements TenantScoped {
}
