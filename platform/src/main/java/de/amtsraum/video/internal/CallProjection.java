package de.amtsraum.video.internal;

import static de.amtsraum.readmodel.jooq.Tables.VIDEO_CALL;
import static de.amtsraum.readmodel.jooq.Tables.VIDEO_GUEST;

import de.amtsraum.video.CallEnded;
import de.amtsraum.video.internal.CallEvents.CallAccepted;
import de.amtsraum.video.internal.CallEvents.CallDeclined;
import de.amtsraum.video.internal.CallEvents.CallRequested;
import de.amtsraum.video.internal.CallEvents.CallSignalled;
import de.amtsraum.video.internal.CallEvents.CallStarted;
import de.amtsraum.video.internal.CallEvents.GuestAdmitted;
import de.amtsraum.video.internal.CallEvents.GuestConsentGiven;
import de.amtsraum.video.internal.CallEvents.GuestConsentRefused;
import de.amtsraum.video.internal.CallEvents.GuestDenied;
import de.amtsraum.video.internal.CallEvents.GuestRemoved;
import de.amtsraum.video.internal.CallEvents.GuestWaiting;
import de.amtsraum.video.internal.CallEvents.ParticipantJoined;
import de.amtsraum.video.internal.CallEvents.ParticipantLeft;
import de.amtsraum.video.internal.CallEvents.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code video_call} and the statuses in {@code video_guest} from the call events, and
 * signals the open pages of the call (citizen by case, staff by call, guests by guest and call).
 * Subscribing processor: the row and the signal exist when the command returns.
 */
@Component
@ProcessingGroup(CallProjection.GROUP)
class CallProjection {

    static final String GROUP = "video-calls";
    static final Duration LIFETIME = Duration.ofDays(7);

    private final DSLContext db;
    private final CallSignals signals;

    CallProjection(DSLContext db, CallSignals signals) {
        this.db = db;
        this.signals = signals;
    }

    @EventHandler
    void on(CallRequested e) {
        db.insertInto(VIDEO_CALL)
                .set(VIDEO_CALL.CALL_ID, e.callId())
                .set(VIDEO_CALL.TENANT_ID, e.tenantId())
                .set(VIDEO_CALL.CASE_ID, e.caseId())
                .set(VIDEO_CALL.STATUS, CallStatus.REQUESTED.name())
                .set(VIDEO_CALL.REQUESTED_AT, utc(e.requestedAt()))
                .set(VIDEO_CALL.EXPIRES_AT, utc(e.requestedAt().plus(LIFETIME)))
                .onConflictDoNothing().execute();
    }

    @EventHandler
    void on(CallSignalled e) {
        status(e.callId(), CallStatus.SIGNALLED, "signalled");
    }

    @EventHandler
    void on(CallAccepted e) {
        status(e.callId(), CallStatus.ACCEPTED, "accepted");
    }

    @EventHandler
    void on(CallDeclined e) {
        status(e.callId(), CallStatus.DECLINED, "declined");
    }

    @EventHandler
    void on(ParticipantJoined e) {
        presence(e.callId(), e.role(), true);
    }

    @EventHandler
    void on(ParticipantLeft e) {
        presence(e.callId(), e.role(), false);
    }

    @EventHandler
    void on(CallStarted e) {
        db.update(VIDEO_CALL).set(VIDEO_CALL.STATUS, CallStatus.IN_CALL.name())
                .set(VIDEO_CALL.STARTED_AT, utc(e.startedAt()))
                .where(VIDEO_CALL.CALL_ID.eq(e.callId())).execute();
        notifyCall(e.callId(), "started");
    }

    @EventHandler
    void on(CallEnded e) {
        db.update(VIDEO_CALL).set(VIDEO_CALL.STATUS, CallStatus.ENDED.name())
                .set(VIDEO_CALL.ENDED_AT, utc(e.endedAt()))
                .set(VIDEO_CALL.OUTCOME, e.outcome().name())
                .where(VIDEO_CALL.CALL_ID.eq(e.callId())).execute();
        notifyCall(e.callId(), "ended");
        signals.announce("guests:" + e.callId(), "ended");
    }

    @EventHandler
    void on(GuestWaiting e) {
        notifyCall(e.callId(), "guest-waiting");
    }

    @EventHandler
    void on(GuestConsentGiven e) {
        guest(e.callId(), e.guestId(), VIDEO_GUEST.CONSENT, "GIVEN", "consent");
    }

    @EventHandler
    void on(GuestConsentRefused e) {
        guest(e.callId(), e.guestId(), VIDEO_GUEST.CONSENT, "REFUSED", "consent");
    }

    @EventHandler
    void on(GuestAdmitted e) {
        guest(e.callId(), e.guestId(), VIDEO_GUEST.STATUS, "ADMITTED", "admitted");
    }

    @EventHandler
    void on(GuestDenied e) {
        guest(e.callId(), e.guestId(), VIDEO_GUEST.STATUS, "DENIED", "denied");
    }

    @EventHandler
    void on(GuestRemoved e) {
        db.update(VIDEO_GUEST).set(VIDEO_GUEST.TICKET_ID, (String) null)
                .where(VIDEO_GUEST.GUEST_ID.eq(e.guestId())).execute();
        guest(e.callId(), e.guestId(), VIDEO_GUEST.STATUS, "REMOVED", "removed");
    }

    private void guest(String callId, String guestId, Field<String> field, String value, String kind) {
        db.update(VIDEO_GUEST).set(field, value).where(VIDEO_GUEST.GUEST_ID.eq(guestId)).execute();
        signals.announce("guest:" + guestId, kind);
        notifyCall(callId, kind);
    }

    private void status(String callId, CallStatus status, String kind) {
        db.update(VIDEO_CALL).set(VIDEO_CALL.STATUS, status.name())
                .where(VIDEO_CALL.CALL_ID.eq(callId), VIDEO_CALL.STATUS.ne(CallStatus.ENDED.name())).execute();
        notifyCall(callId, kind);
    }

    private void presence(String callId, Role role, boolean in) {
        if (role == Role.STAFF) {
            db.update(VIDEO_CALL).set(VIDEO_CALL.STAFF_IN, in).where(VIDEO_CALL.CALL_ID.eq(callId)).execute();
        } else if (role == Role.CITIZEN) {
            db.update(VIDEO_CALL).set(VIDEO_CALL.CITIZEN_IN, in).where(VIDEO_CALL.CALL_ID.eq(callId)).execute();
        }
        notifyCall(callId, in ? "joined" : "left");
    }

    /** Staff page (by call) and citizen page (by case). */
    private void notifyCall(String callId, String kind) {
        signals.announce("call:" + callId, kind);
        String caseId = db.select(VIDEO_CALL.CASE_ID).from(VIDEO_CALL).where(VIDEO_CALL.CALL_ID.eq(callId))
                .fetchOne(VIDEO_CALL.CASE_ID);
        if (caseId != null) {
            signals.announce("case:" + caseId, kind);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
