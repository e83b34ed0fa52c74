package de.amtsraum.contact.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.amtsraum.contact.ContactRequestConcluded;
import de.amtsraum.contact.ContactRequestSubmitted;
import de.amtsraum.contact.ContactRequestWithdrawn;
import de.amtsraum.contact.UnknownContactRequestException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One contact request. Rules: it belongs to one tenant (a command naming another tenant finds
 * nothing); it is concluded at most once; a withdrawal ends it whatever its state, and twice is
 * the same as once.
 */
@Aggregate
class ContactRequest {

    enum Status { OPEN, CONCLUDED, WITHDRAWN }

    @AggregateIdentifier
    private String requestId;
    private String tenantId;
    private String subjectId;
    private Status status;

    protected ContactRequest() {
        // for Axon
    }

    @CommandHandler
    ContactRequest(ContactCommands.Submit command) {
        var form = command.form();
        apply(new ContactRequestSubmitted(command.tenantId(), command.requestId(), command.subjectId(),
                form.lastName(), form.firstName(), form.email(), form.message(), form.street(), form.houseNumber(),
                form.postalCode(), form.town(), command.browser(), command.operatingSystem(), command.ipAddress(),
                command.privacyNoticeVersion(), command.at()));
    }

    @CommandHandler
    boolean handle(ContactCommands.Conclude command) {
        requireTenant(command.tenantId());
        if (status != Status.OPEN) {
            return false;
        }
        apply(new ContactRequestConcluded(tenantId, requestId, subjectId, command.at()));
        return true;
    }

    @CommandHandler
    boolean handle(ContactCommands.Withdraw command) {
        requireTenant(command.tenantId());
        if (status == Status.WITHDRAWN) {
            return false;
        }
        apply(new ContactRequestWithdrawn(tenantId, requestId, subjectId, command.at()));
        return true;
    }

    /** Corrects the request (issue 8); a withdrawn request's data is erased: refused. */
    @CommandHandler
    void handle(ContactCommands.Correct command) {
        requireTenant(command.tenantId());
        if (status == Status.WITHDRAWN) {
            throw new IllegalArgumentException("rights.controls.error.erased");
        }
        apply(new de.amtsraum.contact.ContactRequestCorrected(tenantId, requestId, subjectId, command.lastName(),
                command.firstName(), command.street(), command.houseNumber(), command.postalCode(), command.town(),
                command.at()));
    }

    private void requireTenant(String tenant) {
        if (!tenantId.equals(tenant)) {
            throw new UnknownContactRequestException();
        }
    }

    @EventSourcingHandler
    void on(ContactRequestSubmitted event) {
        requestId = event.requestId();
        tenantId = event.tenantId();
        subjectId = event.subjectId();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(ContactRequestConcluded event) {
        status = Status.CONCLUDED;
    }

    @EventSourcingHandler
    void on(ContactRequestWithdrawn event) {
        status = Status.WITHDRAWN;
    }
}
