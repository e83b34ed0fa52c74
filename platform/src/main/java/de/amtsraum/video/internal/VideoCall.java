package de.amtsraum.video.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.amtsraum.video.CallEnded;
import de.amtsraum.video.VideoException;
import de.amtsraum.video.VideoException.Reason;
import de.amtsraum.video.internal.CallEvents.CallAccepted;
import de.amtsraum.video.internal.CallEvents.CallDeclined;
import de.amtsraum.video.internal.CallEvents.CallRequested;
import de.amtsraum.video.internal.CallEvents.CallSignalled;
import de.amtsraum.video.internal.CallEvents.CallStarted;
import de.amtsraum.video.internal.CallEvents.GuestAdmitted;
import de.amtsraum.video.internal.CallEvents.GuestConsentGiven;
import de.amtsraum.video.internal.CallEvents.GuestConsentRefused;
import de.amtsraum.video.internal.CallEvents.GuestDenied;
import de.amtsraum.video.internal.CallEvents.GuestInvited;
import de.amtsraum.video.internal.CallEvents.GuestRemoved;
import de.amtsraum.video.internal.CallEvents.GuestWaiting;
import de.amtsraum.video.internal.CallEvents.ParticipantJoined;
import de.amtsraum.video.internal.CallEvents.ParticipantLeft;
import de.amtsraum.video.internal.CallEvents.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One video call. Rules: only staff request it (the API and staff pages check that); the citizen
 * answers once; guests wait outside LiveKit and are admitted only after the citizen agreed; the call
 * has started when staff and citizen are both in the room; it ends once — COMPLETED if it had
 * started, ABORTED otherwise — and after that nothing but presence reports (ignored) reaches it.
 */
@Aggregate
class VideoCall {

    enum Answer { NONE, ACCEPTED, DECLINED }

    enum GuestStatus { WAITING, ADMITTED, DENIED, REMOVED }

    enum Consent { PENDING, GIVEN, REFUSED }

    private record Guest(GuestStatus status, Consent consent) {
        Guest with(GuestStatus newStatus) {
            return new Guest(newStatus, consent);
        }

        Guest with(Consent newConsent) {
            return new Guest(status, newConsent);
        }
    }

    @AggregateIdentifier
    private String callId;
    private String tenantId;
    private String caseId;
    private Answer answer;
    private boolean signalled;
    private Instant startedAt;
    private boolean ended;
    private final Set<String> invites = new HashSet<>();
    private final Map<String, Guest> guests = new HashMap<>();
    private final Map<String, Role> present = new HashMap<>();

    protected VideoCall() {
        // for Axon
    }

    @CommandHandler
    VideoCall(CallCommands.Request command) {
        apply(new CallRequested(command.tenantId(), command.callId(), command.caseId(), command.at()));
    }

    @CommandHandler
    void handle(CallCommands.Signal command) {
        open(command.tenantId());
        if (!signalled) {
            apply(new CallSignalled(tenantId, callId, command.at()));
        }
    }

    @CommandHandler
    void handle(CallCommands.Answer command) {
        open(command.tenantId());
        if (answer != Answer.NONE) {
            throw new VideoException(Reason.ALREADY_ANSWERED);
        }
        apply(command.accepted() ? new CallAccepted(tenantId, callId, command.at())
                : new CallDeclined(tenantId, callId, command.at()));
    }

    @CommandHandler
    void handle(CallCommands.Invite command) {
        open(command.tenantId());
        apply(new GuestInvited(tenantId, callId, command.inviteId(), command.at(), command.expiresAt()));
    }

    @CommandHandler
    void handle(CallCommands.Wait command) {
        open(command.tenantId());
        if (!invites.contains(command.inviteId())) {
            throw new VideoException(Reason.INVALID_LINK);
        }
        apply(new GuestWaiting(tenantId, callId, command.guestId(), command.inviteId(), command.at()));
    }

    @CommandHandler
    void handle(CallCommands.Consent command) {
        open(command.tenantId());
        Guest guest = waiting(command.guestId());
        if (command.given() && guest.consent() != Consent.GIVEN) {
            apply(new GuestConsentGiven(tenantId, callId, command.guestId(), command.at()));
        } else if (!command.given() && guest.consent() != Consent.REFUSED) {
            apply(new GuestConsentRefused(tenantId, callId, command.guestId(), command.at()));
        }
    }

    @CommandHandler
    void handle(CallCommands.Decide command) {
        open(command.tenantId());
        String guestId = command.guestId();
        Guest guest = guests.get(guestId);
        if (guest == null) {
            throw new VideoException(Reason.UNKNOWN_GUEST);
        }
        switch (command.decision()) {
            case ADMIT -> {
                waiting(guestId);
                if (guest.consent() == Consent.PENDING) {
                    throw new VideoException(Reason.CONSENT_MISSING);
                }
                if (guest.consent() == Consent.REFUSED) {
                    throw new VideoException(Reason.CONSENT_REFUSED);
                }
                apply(new GuestAdmitted(tenantId, callId, guestId, command.at()));
            }
            case DENY -> {
                waiting(guestId);
                apply(new GuestDenied(tenantId, callId, guestId, command.at()));
            }
            case REMOVE -> {
                if (guest.status() != GuestStatus.ADMITTED && guest.status() != GuestStatus.WAITING) {
                    throw new VideoException(Reason.GUEST_NOT_WAITING);
                }
                apply(new GuestRemoved(tenantId, callId, guestId, command.at()));
            }
        }
    }

    @CommandHandler
    void handle(CallCommands.Presence command) {
        requireTenant(command.tenantId());
        if (ended) {
            return; // LiveKit may report departures after the call was ended: nothing to record
        }
        if (command.joined()) {
            if (present.containsKey(command.participantId())) {
                return;
            }
            apply(new ParticipantJoined(tenantId, callId, command.participantId(), command.role(), command.at()));
            if (startedAt == null && present.containsValue(Role.STAFF) && present.containsValue(Role.CITIZEN)) {
                apply(new CallStarted(tenantId, callId, command.at()));
            }
        } else if (present.containsKey(command.participantId())) {
            apply(new ParticipantLeft(tenantId, callId, command.participantId(), command.role(), command.at()));
        }
    }

    /** True if this ended the call. */
    @CommandHandler
    boolean handle(CallCommands.End command) {
        requireTenant(command.tenantId());
        if (ended) {
            return false;
        }
        apply(new CallEnded(tenantId, callId, caseId, startedAt != null ? CallEnded.Outcome.COMPLETED
                : CallEnded.Outcome.ABORTED, startedAt, command.at()));
        return true;
    }

    private Guest waiting(String guestId) {
        Guest guest = guests.get(guestId);
        if (guest == null) {
            throw new VideoException(Reason.UNKNOWN_GUEST);
        }
        if (guest.status() != GuestStatus.WAITING) {
            throw new VideoException(Reason.GUEST_NOT_WAITING);
        }
        return guest;
    }

    private void open(String tenant) {
        requireTenant(tenant);
        if (ended) {
            throw new VideoException(Reason.CALL_OVER);
        }
    }

    private void requireTenant(String tenant) {
        if (!tenantId.equals(tenant)) {
            throw new VideoException(Reason.UNKNOWN_CALL);
        }
    }

    @EventSourcingHandler
    void on(CallRequested event) {
        callId = event.callId();
        tenantId = event.tenantId();
        caseId = event.caseId();
        answer = Answer.NONE;
    }

    @EventSourcingHandler
    void on(CallSignalled event) {
        signalled = true;
    }

    @EventSourcingHandler
    void on(CallAccepted event) {
        answer = Answer.ACCEPTED;
    }

    @EventSourcingHandler
    void on(CallDeclined event) {
        answer = Answer.DECLINED;
    }

    @EventSourcingHandler
    void on(GuestInvited event) {
        invites.add(event.inviteId());
    }

    @EventSourcingHandler
    void on(GuestWaiting event) {
        guests.put(event.guestId(), new Guest(GuestStatus.WAITING, Consent.PENDING));
    }

    @EventSourcingHandler
    void on(GuestConsentGiven event) {
        guests.computeIfPresent(event.guestId(), (id, g) -> g.with(Consent.GIVEN));
    }

    @EventSourcingHandler
    void on(GuestConsentRefused event) {
        guests.computeIfPresent(event.guestId(), (id, g) -> g.with(Consent.REFUSED));
    }

    @EventSourcingHandler
    void on(GuestAdmitted event) {
        guests.computeIfPresent(event.guestId(), (id, g) -> g.with(GuestStatus.ADMITTED));
    }

    @EventSourcingHandler
    void on(GuestDenied event) {
        guests.computeIfPresent(event.guestId(), (id, g) -> g.with(GuestStatus.DENIED));
    }

    @EventSourcingHandler
    void on(GuestRemoved event) {
        guests.computeIfPresent(event.guestId(), (id, g) -> g.with(GuestStatus.REMOVED));
    }

    @EventSourcingHandler
    void on(ParticipantJoined event) {
        present.put(event.participantId(), event.role());
    }

    @EventSourcingHandler
    void on(ParticipantLeft event) {
        present.remove(event.participantId());
    }

    @EventSourcingHandler
    void on(CallStarted event) {
        startedAt = event.startedAt();
    }

    @EventSourcingHandler
    void on(CallEnded event) {
        ended = true;
    }
}
