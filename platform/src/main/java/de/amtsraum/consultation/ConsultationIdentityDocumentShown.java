package de.amtsraum.consultation;

import static de.amtsraum.shared.privacy.DataKind.CONVERSATION;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Staff noted that the citizen showed an ID document, and which kind ({@link IdentityDocumentKind}
 * name). Which document a person holds is about that person: sealed as conversation data. No number,
 * no image: the platform stores only that a document of this kind was shown.
 */
@Revision("1")
public record ConsultationIdentityDocumentShown(String tenantId,
                                                @NotPersonal("random id") String caseId,
                                                @DataSubject String subjectId,
                                                @PersonalData(CONVERSATION) String documentKind,
                                                Instant recordedAt) implements TenantScoped {
}
