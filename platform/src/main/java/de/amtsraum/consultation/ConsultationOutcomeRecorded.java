package de.amtsraum.consultation;

import static de.amtsraum.shared.privacy.DataKind.CONVERSATION;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Staff recorded how the consultation went: COMPLETED or ABORTED, with an optional summary
 * (conversation data, sealed). A later record replaces an earlier one.
 */
@Revision("1")
public record ConsultationOutcomeRecorded(String tenantId,
                                          @NotPersonal("random id") String caseId,
                                          @DataSubject String subjectId,
                                          @NotPersonal("COMPLETED or ABORTED") Outcome outcome,
                                          @PersonalData(CONVERSATION) String summary,
                                          Instant recordedAt) implements TenantScoped {

    public enum Outcome { COMPLETED, ABORTED }
}
