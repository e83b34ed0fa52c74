package de.amtsraum.rights;

import static de.amtsraum.shared.privacy.DataKind.RIGHTS_REQUEST;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A data-subject request was received (staff inbox, or an objection recorded by the citizen). See ADR 0025. */
@Revision("1")
public record RightsRequestOpened(String tenantId,
                                  @NotPersonal("random id") String requestId,
                                  @DataSubject String subjectId,
                                  @NotPersonal("kind of right") RightsRequests.Type type,
                                  @NotPersonal("how the request arrived") RequestChannel channel,
                                  @NotPersonal("day of receipt") LocalDate receivedOn,
                                  @NotPersonal("received + 1 month") LocalDate deadline,
                                  @PersonalData(RIGHTS_REQUEST) String requesterName,
                                  @PersonalData(RIGHTS_REQUEST) String requesterContact,
                                  @PersonalData(RIGHTS_REQUEST) String description,
                                  @NotPersonal("pseudonymous subject id the request is about") String concernedSubjectId,
                                  @NotPersonal("random id of an ObjectionRecorded") String objectionId,
                                  @NotPersonal("staff account id") String openedBy,
                                  Instant openedAt) implements TenantScoped {
}
