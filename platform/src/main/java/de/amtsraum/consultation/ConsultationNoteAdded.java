package de.amtsraum.consultation;

import static de.amtsraum.shared.privacy.DataKind.CONVERSATION;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Staff wrote a note into the case. The text is conversation data, sealed with the case subject's
 * CONVERSATION key. Notes marked for handover are the ones a handover to the specialist system carries.
 */
@Revision("1")
public record ConsultationNoteAdded(String tenantId,
                                    @NotPersonal("random id") String caseId,
                                    @DataSubject String subjectId,
                                    @NotPersonal("random id") String noteId,
                                    @PersonalData(CONVERSATION) String text,
                                    @NotPersonal("flag: marked for the specialist system") boolean markedForHandover,
                                    Instant addedAt) implements TenantScoped {
}
