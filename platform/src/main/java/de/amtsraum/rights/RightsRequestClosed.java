package de.amtsraum.rights;

import static de.amtsraum.shared.privacy.DataKind.RIGHTS_REQUEST;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The request was answered or refused; its subject's retention rule RIGHTS_REQUEST_CLOSED starts. */
@Revision("1")
public record RightsRequestClosed(String tenantId,
                                  @NotPersonal("random id") String requestId,
                                  @DataSubject String subjectId,
                                  @NotPersonal("outcome code") RightsRequests.Outcome outcome,
                                  @NotPersonal("refusal reason code chosen from a list") String reasonCode,
                                  @PersonalData(RIGHTS_REQUEST) String note,
                                  @NotPersonal("staff account id") String closedBy,
                                  Instant closedAt) implements TenantScoped {
}
