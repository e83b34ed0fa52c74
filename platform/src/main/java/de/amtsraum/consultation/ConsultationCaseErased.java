package de.amtsraum.consultation;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case subject's conversation data was shredded (a retention rule fell due, or an erasure
 * request): the case's notes, outcome summary and ID document read as the redaction value from now
 * on, and the case takes nothing new.
 */
@Revision("1")
public record ConsultationCaseErased(String tenantId,
                                     @NotPersonal("random id") String caseId,
                                     @NotPersonal("pseudonymous id") String subjectId,
                                     Instant erasedAt) implements TenantScoped {
}
