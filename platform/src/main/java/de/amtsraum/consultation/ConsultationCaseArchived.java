package de.amtsraum.consultation;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case is closed: staff archived it, its appointment was cancelled before the consultation took
 * place, or the specialist system redeemed the handover of a handed-over case. The tenant's
 * CASE_ARCHIVED retention rules start now; nothing is added any more.
 */
@Revision("1")
public record ConsultationCaseArchived(String tenantId,
                                       @NotPersonal("random id") String caseId,
                                       @NotPersonal("pseudonymous id") String subjectId,
                                       @NotPersonal("who or what closed the case") ClosedBy closedBy,
                                       Instant archivedAt) implements TenantScoped {

    public enum ClosedBy { STAFF, APPOINTMENT_CANCELLED, APPOINTMENT_EXPIRED, HANDOVER_RECEIVED }
}
