package de.amtsraum.consultation.internal;

import de.amtsraum.consultation.ConsultationCaseArchived.ClosedBy;
import de.amtsraum.consultation.ConsultationCaseOpened.Origin;
import de.amtsraum.consultation.ConsultationOutcomeRecorded.Outcome;
import de.amtsraum.shared.TenantScoped;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the ConsultationCase aggregate. */
final class CaseCommands {

    private CaseCommands() {
    }

    /** Opens the case unless it exists (idempotent: a repeated open of a booked case changes nothing). */
    record Open(String tenantId, @TargetAggregateIdentifier String caseId, String subjectId, Origin origin,
                String appointmentId, String serviceId, String citizenSubjectId, Instant at) implements TenantScoped {
    }

    record AddNote(String tenantId, @TargetAggregateIdentifier String caseId, String noteId, String text,
                   boolean markedForHandover, Instant at) implements TenantScoped {
    }

    record RecordIdentityDocument(String tenantId, @TargetAggregateIdentifier String caseId, String documentKind,
                                  Instant at) implements TenantScoped {
    }

    record RecordOutcome(String tenantId, @TargetAggregateIdentifier String caseId, Outcome outcome, String summary,
                         Instant at) implements TenantScoped {
    }

    /** From a video call that ended; ignored by a closed case. */
    record RecordCall(String tenantId, @TargetAggregateIdentifier String caseId, String callId, String callOutcome,
                      Instant startedAt, Instant endedAt) implements TenantScoped {
    }

    /** By STAFF: refused on a closed case; by the appointment's course: ignored unless nothing happened yet. */
    record Archive(String tenantId, @TargetAggregateIdentifier String caseId, ClosedBy by, Instant at)
            implements TenantScoped {
    }

    record HandOver(String tenantId, @TargetAggregateIdentifier String caseId, String handoverId, Instant at)
            implements TenantScoped {
    }

    /** The case subject's conversation data was shredded. */
    record Erase(String tenantId, @TargetAggregateIdentifier String caseId, Instant at) implements TenantScoped {
    }
}
