package de.amtsraum.consultation.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.consultation.ConsultationCallHeld;
import de.amtsraum.consultation.ConsultationCaseArchived;
import de.amtsraum.consultation.ConsultationCaseArchived.ClosedBy;
import de.amtsraum.consultation.ConsultationCaseErased;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.consultation.ConsultationCaseOpened;
import de.amtsraum.consultation.ConsultationException;
import de.amtsraum.consultation.ConsultationIdentityDocumentShown;
import de.amtsraum.consultation.ConsultationNoteAdded;
import de.amtsraum.consultation.ConsultationOutcomeRecorded;
import de.amtsraum.consultation.ConsultationOutcomeRecorded.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One consultation case (Beratungsfall). Rules: it belongs to one tenant (a command naming another
 * tenant finds nothing); it is opened once (opening again changes nothing); notes, ID document and
 * outcome only while it is open; it is closed by archiving, by its one handover, or by the erasure of
 * its conversation data, and a closed case takes nothing new; a call that ends on a closed case is
 * ignored; the appointment's cancellation closes it only while no consultation took place (no call,
 * no outcome).
 */
@Aggregate
class ConsultationCase {

    enum Status { OPEN, ARCHIVED, HANDED_OVER, ERASED }

    private static final ObjectMapper JSON = new ObjectMapper();

    @AggregateIdentifier
    private String caseId;
    private String tenantId;
    private String subjectId;
    private String serviceId;
    private Status status;
    private boolean consulted;
    private boolean handedOver;
    private boolean identityDocumentShown;
    private Outcome outcome;
    private final List<String> markedNotes = new ArrayList<>();

    protected ConsultationCase() {
        // for Axon
    }

    /** @return whether the case was opened now (false: it existed) */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CaseCommands.Open command) {
        if (status != null) {
            requireTenant(command.tenantId());
            return false;
        }
        apply(new ConsultationCaseOpened(command.tenantId(), command.caseId(), command.subjectId(), command.origin(),
                command.appointmentId(), command.serviceId(), command.citizenSubjectId(), command.at()));
        return true;
    }

    @CommandHandler
    String handle(CaseCommands.AddNote command) {
        requireOpen(command.tenantId());
        apply(new ConsultationNoteAdded(tenantId, caseId, subjectId, command.noteId(), command.text(),
                command.markedForHandover(), command.at()));
        return command.noteId();
    }

    @CommandHandler
    void handle(CaseCommands.RecordIdentityDocument command) {
        requireOpen(command.tenantId());
        apply(new ConsultationIdentityDocumentShown(tenantId, caseId, subjectId, command.documentKind(), command.at()));
    }

    @CommandHandler
    void handle(CaseCommands.RecordOutcome command) {
        requireOpen(command.tenantId());
        apply(new ConsultationOutcomeRecorded(tenantId, caseId, subjectId, command.outcome(), command.summary(),
                command.at()));
    }

    @CommandHandler
    boolean handle(CaseCommands.RecordCall command) {
        requireTenant(command.tenantId());
        if (status != Status.OPEN) {
            return false;
        }
        apply(new ConsultationCallHeld(tenantId, caseId, subjectId, command.callId(), command.callOutcome(),
                command.startedAt(), command.endedAt()));
        return true;
    }

    @CommandHandler
    boolean handle(CaseCommands.Archive command) {
        if (command.by() == ClosedBy.STAFF) {
            requireOpen(command.tenantId());
        } else if (command.by() == ClosedBy.HANDOVER_RECEIVED) {
            // The specialist system holds the content now: the handed-over case is archived.
            requireTenant(command.tenantId());
            if (status != Status.HANDED_OVER) {
                return false;
            }
        } else {
            requireTenant(command.tenantId());
            if (status != Status.OPEN || consulted) {
                return false;
            }
        }
        apply(new ConsultationCaseArchived(tenantId, caseId, subjectId, command.by(), command.at()));
        return true;
    }

    @CommandHandler
    String handle(CaseCommands.HandOver command) {
        requireTenant(command.tenantId());
        if (handedOver) {
            throw new ConsultationException(ConsultationException.ALREADY_HANDED_OVER);
        }
        requireOpen(command.tenantId());
        ObjectNode content = JSON.createObjectNode();
        markedNotes.forEach(content.putArray("notes")::add);
        content.put("identityDocumentShown", identityDocumentShown);
        apply(new ConsultationCaseHandedOver(tenantId, caseId, subjectId, command.handoverId(), serviceId,
                outcome == null ? null : outcome.name(), content.toString(), command.at()));
        return command.handoverId();
    }

    @CommandHandler
    boolean handle(CaseCommands.Erase command) {
        requireTenant(command.tenantId());
        if (status == Status.ERASED) {
            return false;
        }
        apply(new ConsultationCaseErased(tenantId, caseId, subjectId, command.at()));
        return true;
    }

    private void requireOpen(String tenant) {
        requireTenant(tenant);
        if (status != Status.OPEN) {
            throw new ConsultationException(ConsultationException.CASE_CLOSED);
        }
    }

    private void requireTenant(String tenant) {
        if (status == null || !tenantId.equals(tenant)) {
            throw new ConsultationException(ConsultationException.UNKNOWN_CASE);
        }
    }

    @EventSourcingHandler
    void on(ConsultationCaseOpened event) {
        caseId = event.caseId();
        tenantId = event.tenantId();
        subjectId = event.subjectId();
        serviceId = event.serviceId();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(ConsultationNoteAdded event) {
        if (event.markedForHandover()) {
            markedNotes.add(event.text());
        }
    }

    @EventSourcingHandler
    void on(ConsultationIdentityDocumentShown event) {
        identityDocumentShown = true;
    }

    @EventSourcingHandler
    void on(ConsultationOutcomeRecorded event) {
        outcome = event.outcome();
        consulted = true;
    }

    @EventSourcingHandler
    void on(ConsultationCallHeld event) {
        consulted = true;
    }

    @EventSourcingHandler
    void on(ConsultationCaseArchived event) {
        status = Status.ARCHIVED;
    }

    @EventSourcingHandler
    void on(ConsultationCaseHandedOver event) {
        handedOver = true;
        status = Status.HANDED_OVER;
    }

    @EventSourcingHandler
    void on(ConsultationCaseErased event) {
        status = Status.ERASED;
        markedNotes.clear();
    }
}
