package de.amtsraum.rights.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.amtsraum.rights.RightsRequestClosed;
import de.amtsraum.rights.RightsRequestException;
import de.amtsraum.rights.RightsRequestException.Reason;
import de.amtsraum.rights.RightsRequestExtended;
import de.amtsraum.rights.RightsRequestIdentityVerified;
import de.amtsraum.rights.RightsRequestOpened;
import de.amtsraum.rights.RightsRequestReminderSent;
import de.amtsraum.rights.RightsRequests.Reminder;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One data-subject request. Rules (ADR 0025): it belongs to one tenant; the deadline is the day of
 * receipt plus one month; it is extended at most once, by one or two months, with a reason and the
 * citizen informed; each reminder kind is sent once per deadline; closing needs a verified identity
 * and happens once; a closed request changes no more.
 */
@Aggregate
class RightsRequest {

    /** Longest extension in months (Art. 12(3) sentence 2 GDPR: "by two further months"). */
    static final int MAX_EXTENSION_MONTHS = 2;
    static final int DUE_SOON_DAYS = 7;

    @AggregateIdentifier
    private String requestId;
    private String tenantId;
    private String subjectId;
    private LocalDate deadline;
    private boolean extended;
    private boolean verified;
    private boolean closed;
    private final Set<Reminder> reminded = EnumSet.noneOf(Reminder.class);

    protected RightsRequest() {
        // for Axon
    }

    @CommandHandler
    RightsRequest(RightsCommands.Open c) {
        apply(new RightsRequestOpened(c.tenantId(), c.requestId(), c.subjectId(), c.type(), c.channel(), c.receivedOn(),
                c.receivedOn().plusMonths(1), c.requesterName(), c.requesterContact(), c.description(),
                c.concernedSubjectId(), c.objectionId(), c.staffId(), c.at()));
    }

    @CommandHandler
    void handle(RightsCommands.Verify c) {
        requireOpen(c.tenantId());
        apply(new RightsRequestIdentityVerified(tenantId, requestId, subjectId, c.method(), c.note(), c.staffId(), c.at()));
    }

    @CommandHandler
    void handle(RightsCommands.Extend c) {
        requireOpen(c.tenantId());
        if (extended) {
            throw new RightsRequestException(Reason.ALREADY_EXTENDED);
        }
        if (c.months() < 1 || c.months() > MAX_EXTENSION_MONTHS || c.reason() == null || c.reason().isBlank()
                || !c.citizenInformed()) {
            throw new RightsRequestException(Reason.INVALID_EXTENSION);
        }
        apply(new RightsRequestExtended(tenantId, requestId, subjectId, c.months(), deadline.plusMonths(c.months()),
                c.reason(), true, c.staffId(), c.at()));
    }

    /** @return whether a reminder was recorded now */
    @CommandHandler
    boolean handle(RightsCommands.Remind c) {
        requireTenant(c.tenantId());
        if (closed || reminded.contains(c.reminder()) || !due(c.reminder(), c.today())) {
            return false;
        }
        apply(new RightsRequestReminderSent(tenantId, requestId, c.reminder(), deadline, c.at()));
        return true;
    }

    private boolean due(Reminder reminder, LocalDate today) {
        return switch (reminder) {
            case DUE_SOON -> !today.isBefore(deadline.minusDays(DUE_SOON_DAYS)) && !today.isAfter(deadline);
            case OVERDUE -> today.isAfter(deadline);
        };
    }

    @CommandHandler
    void handle(RightsCommands.Close c) {
        requireOpen(c.tenantId());
        if (!verified) {
            throw new RightsRequestException(Reason.IDENTITY_NOT_VERIFIED);
        }
        apply(new RightsRequestClosed(tenantId, requestId, subjectId, c.outcome(), c.reasonCode(), c.note(),
                c.staffId(), c.at()));
    }

    private void requireOpen(String tenant) {
        requireTenant(tenant);
        if (closed) {
            throw new RightsRequestException(Reason.CLOSED);
        }
    }

    private void requireTenant(String tenant) {
        if (!tenantId.equals(tenant)) {
            throw new RightsRequestException(Reason.UNKNOWN);
        }
    }

    @EventSourcingHandler
    void on(RightsRequestOpened e) {
        requestId = e.requestId();
        tenantId = e.tenantId();
        subjectId = e.subjectId();
        deadline = e.deadline();
    }

    @EventSourcingHandler
    void on(RightsRequestIdentityVerified e) {
        verified = true;
    }

    @EventSourcingHandler
    void on(RightsRequestExtended e) {
        extended = true;
        deadline = e.deadline();
        // A new deadline gets its own reminders.
        reminded.clear();
    }

    @EventSourcingHandler
    void on(RightsRequestReminderSent e) {
        if (e.deadline().equals(deadline)) {
            reminded.add(e.reminder());
        }
    }

    @EventSourcingHandler
    void on(RightsRequestClosed e) {
        closed = true;
    }
}
