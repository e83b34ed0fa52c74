package de.amtsraum.video.internal;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The events of a video call's stream (aggregate {@link VideoCall}). They carry random ids only: room
 * names, LiveKit identities and guests' typed names are VIDEO_SESSION data and stay in the video
 * tables (ADR 0017). {@link de.amtsraum.video.CallEnded} closes the stream.
 */
public final class CallEvents {

    private CallEvents() {
    }

    /** Who a participant is in a call. */
    public enum Role { STAFF, CITIZEN, GUEST }

    /** Staff started a call for a consultation case. */
    @Revision("1")
    public record CallRequested(String tenantId, @NotPersonal("random id") String callId,
                                @NotPersonal("random id of the consultation case") String caseId,
                                Instant requestedAt) implements TenantScoped {
    }

    /** The citizen's open pages were signalled. */
    @Revision("1")
    public record CallSignalled(String tenantId, @NotPersonal("random id") String callId, Instant signalledAt)
            implements TenantScoped {
    }

    @Revision("1")
    public record CallAccepted(String tenantId, @NotPersonal("random id") String callId, Instant acceptedAt)
            implements TenantScoped {
    }

    @Revision("1")
    public record CallDeclined(String tenantId, @NotPersonal("random id") String callId, Instant declinedAt)
            implements TenantScoped {
    }

    /** Staff created an invite link for an extra person. */
    @Revision("1")
    public record GuestInvited(String tenantId, @NotPersonal("random id") String callId,
                               @NotPersonal("random id") String inviteId, Instant invitedAt, Instant expiresAt)
            implements TenantScoped {
    }

    /** A guest opened the invite, gave a display name (kept in video_guest only) and waits. */
    @Revision("1")
    public record GuestWaiting(String tenantId, @NotPersonal("random id") String callId,
                               @NotPersonal("random id") String guestId, @NotPersonal("random id") String inviteId,
                               Instant at) implements TenantScoped {
    }

    @Revision("1")
    public record GuestConsentGiven(String tenantId, @NotPersonal("random id") String callId,
                                    @NotPersonal("random id") String guestId, Instant at) implements TenantScoped {
    }

    @Revision("1")
    public record GuestConsentRefused(String tenantId, @NotPersonal("random id") String callId,
                                      @NotPersonal("random id") String guestId, Instant at) implements TenantScoped {
    }

    @Revision("1")
    public record GuestAdmitted(String tenantId, @NotPersonal("random id") String callId,
                                @NotPersonal("random id") String guestId, Instant at) implements TenantScoped {
    }

    @Revision("1")
    public record GuestDenied(String tenantId, @NotPersonal("random id") String callId,
                              @NotPersonal("random id") String guestId, Instant at) implements TenantScoped {
    }

    @Revision("1")
    public record GuestRemoved(String tenantId, @NotPersonal("random id") String callId,
                               @NotPersonal("random id") String guestId, Instant at) implements TenantScoped {
    }

    /** LiveKit reported a participant in the room (participant id: random, not the LiveKit identity). */
    @Revision("1")
    public record ParticipantJoined(String tenantId, @NotPersonal("random id") String callId,
                                    @NotPersonal("random id") String participantId,
                                    @NotPersonal("STAFF, CITIZEN or GUEST") Role role, Instant at)
            implements TenantScoped {
    }

    @Revision("1")
    public record ParticipantLeft(String tenantId, @NotPersonal("random id") String callId,
                                  @NotPersonal("random id") String participantId,
                                  @NotPersonal("STAFF, CITIZEN or GUEST") Role role, Instant at)
            implements TenantScoped {
    }

    /** Staff and citizen are both in the room. */
    @Revision("1")
    public record CallStarted(String tenantId, @NotPersonal("random id") String callId, Instant startedAt)
            implements TenantScoped {
    }
}
