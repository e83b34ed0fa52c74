package de.amtsraum.consultation;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A consultation case was opened: by a confirmed appointment of a consultation service (origin
 * {@code BOOKING}, case id {@link de.amtsraum.shared.CaseIds#forAppointment(String)}) or by staff
 * ({@code STAFF}, random id). The case gets its own pseudonymous data subject, so erasing one case's
 * conversation data never touches another case of the same citizen.
 *
 * @param subjectId        the case's own data subject (its CONVERSATION key seals the conversation data)
 * @param appointmentId    the appointment that opened the case, null for STAFF
 * @param serviceId        the manifest's service id, null when staff opened the case without one
 * @param citizenSubjectId the appointment's (booking) data subject, kept as a link for data-subject
 *                         rights (access, erasure) across the two; null for STAFF
 */
@Revision("1")
public record ConsultationCaseOpened(String tenantId,
                                     @NotPersonal("random id") String caseId,
                                     @NotPersonal("pseudonymous id") String subjectId,
                                     @NotPersonal("BOOKING or STAFF") Origin origin,
                                     @NotPersonal("random id") String appointmentId,
                                     @NotPersonal("service id of the manifest") String serviceId,
                                     @NotPersonal("pseudonymous id") String citizenSubjectId,
                                     Instant openedAt) implements TenantScoped {

    public enum Origin { BOOKING, STAFF }
}
