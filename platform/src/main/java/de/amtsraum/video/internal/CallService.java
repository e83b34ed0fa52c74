package de.amtsraum.video.internal;

import static de.amtsraum.readmodel.jooq.Tables.VIDEO_CALL;
import static de.amtsraum.readmodel.jooq.Tables.VIDEO_GUEST;
import static de.amtsraum.readmodel.jooq.Tables.VIDEO_INVITE;
import static de.amtsraum.readmodel.jooq.Tables.VIDEO_PARTICIPANT;
import static de.amtsraum.readmodel.jooq.Tables.VIDEO_ROOM;
import static de.amtsraum.readmodel.jooq.Tables.VIDEO_WEBHOOK_SEEN;

import de.amtsraum.identity.SignedLinks;
import de.amtsraum.shared.TenantId;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.video.CallLinks;
import de.amtsraum.video.Calls;
import de.amtsraum.video.JoinToken;
import de.amtsraum.video.VideoException;
import de.amtsraum.video.VideoException.Reason;
import de.amtsraum.video.VideoRoom;
import de.amtsraum.video.internal.CallCommands.Decision;
import de.amtsraum.video.internal.CallEvents.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The call flow (ADR 0017): staff start a call (room created, call recorded, citizen signalled); the
 * citizen accepts or declines on the page of the case's signed link; staff invite guests, who wait
 * outside LiveKit; the citizen agrees to each guest before staff can admit them; tickets (signed,
 * short-lived, one call, naming the role and a random participant id) are exchanged for LiveKit
 * tokens only when the role may join now; LiveKit's webhooks record presence and end the call.
 * Room names, identities and guests' names stay in the video tables; events carry random ids.
 */
@Service
public class CallService implements Calls, CallLinks {

    private static final Logger log = LoggerFactory.getLogger(CallService.class);
    private static final Pattern UUID_LIKE = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final String CITIZEN_LINK = "video";
    static final String TICKET = "video-ticket";
    static final String INVITE = "video-invite";
    static final String GUEST = "video-guest";
    static final Duration TICKET_TTL = Duration.ofHours(1);
    static final Duration INVITE_TTL = Duration.ofHours(2);
    static final Duration GUEST_LINK_TTL = Duration.ofHours(12);
    static final Duration WEBHOOK_WINDOW = Duration.ofMinutes(5);
    static final int MAX_NAME = 80;

    private final ObjectProvider<LiveKitRooms> rooms;
    private final TenantDirectory tenants;
    private final CommandGateway commands;
    private final DSLContext db;
    private final SignedLinks links;
    private final CallSignals signals;
    private final Clock clock;

    CallService(ObjectProvider<LiveKitRooms> rooms, TenantDirectory tenants, CommandGateway commands, DSLContext db,
                SignedLinks links, CallSignals signals, Clock clock) {
        this.rooms = rooms;
        this.tenants = tenants;
        this.commands = commands;
        this.db = db;
        this.links = links;
        this.signals = signals;
        this.clock = clock;
    }

    // ---- views -------------------------------------------------------------------------------

    public record CallView(String callId, String tenantId, String caseId, CallStatus status, boolean staffIn,
                           boolean citizenIn, Instant requestedAt, Instant startedAt, Instant endedAt, String outcome,
                           List<GuestView> guests) {
        public boolean ended() {
            return status == CallStatus.ENDED;
        }

        public boolean answered() {
            return status == CallStatus.ACCEPTED || status == CallStatus.DECLINED || status == CallStatus.IN_CALL;
        }

        public boolean accepted() {
            return status == CallStatus.ACCEPTED || status == CallStatus.IN_CALL;
        }

        /** Guests waiting for the citizen's answer. */
        public List<GuestView> consentPending() {
            return guests.stream().filter(g -> "WAITING".equals(g.status()) && "PENDING".equals(g.consent())).toList();
        }
    }

    /** A guest; {@code displayName} is what the guest typed (VIDEO_SESSION data, shown to staff and citizen). */
    public record GuestView(String guestId, String callId, String displayName, String status, String consent) {
    }

    /** A ticket's content. */
    public record Ticket(Role role, String callId, String participantId) {
    }

    /** An invite link and when it expires. */
    public record Invite(String inviteId, String path, Instant expiresAt) {
    }

    // ---- Calls ---------------------------------------------------------------------------------

    @Override
    public boolean available(String tenantId) {
        return rooms.getIfAvailable() != null && videoEnabled(tenantId);
    }

    boolean videoEnabled(String tenantId) {
        return TenantId.isValid(tenantId)
                && tenants.manifest(tenantId).map(m -> m.features().video()).orElse(false);
    }

    /** Whether LiveKit is configured at all. */
    public boolean configured() {
        return rooms.getIfAvailable() != null;
    }

    @Override
    public String start(String tenantId, String caseId) {
        LiveKitRooms liveKit = rooms.getIfAvailable();
        if (liveKit == null) {
            throw new VideoException(Reason.NOT_CONFIGURED);
        }
        if (!videoEnabled(tenantId)) {
            throw new VideoException(Reason.VIDEO_OFF);
        }
        if (caseId == null || !UUID_LIKE.matcher(caseId).matches()) {
            throw new VideoException(Reason.INVALID_INPUT);
        }
        String callId = UUID.randomUUID().toString();
        VideoRoom room = liveKit.create(tenantId, callId); // VIDEO_UNAVAILABLE when LiveKit is down: nothing recorded
        try {
            Instant now = clock.instant();
            commands.sendAndWait(new CallCommands.Request(tenantId, callId, caseId, now));
            commands.sendAndWait(new CallCommands.Signal(tenantId, callId, now));
        } catch (RuntimeException failed) {
            liveKit.delete(room.name());
            throw failed;
        }
        log.info("Video call {} started by staff of {}", callId, tenantId);
        return callId;
    }

    // ---- links -----------------------------------------------------------------------------------

    @Override
    public String citizenPage(String tenantId, String caseId, Duration validity) {
        return "/" + tenantId + "/video?link=" + links.issue(CITIZEN_LINK, tenantId, caseId, validity);
    }

    /** The case of a citizen link, or INVALID_LINK. */
    public String caseOf(String tenantId, String link) {
        return links.verify(link, CITIZEN_LINK, tenantId).orElseThrow(() -> new VideoException(Reason.INVALID_LINK));
    }

    // ---- reading ---------------------------------------------------------------------------------

    public Optional<CallView> find(String tenantId, String callId) {
        if (callId == null || callId.length() > 40) {
            return Optional.empty();
        }
        return db.selectFrom(VIDEO_CALL).where(VIDEO_CALL.CALL_ID.eq(callId), VIDEO_CALL.TENANT_ID.eq(tenantId))
                .fetchOptional().map(this::view);
    }

    public CallView get(String tenantId, String callId) {
        return find(tenantId, callId).orElseThrow(() -> new VideoException(Reason.UNKNOWN_CALL));
    }

    /** The newest call of the case (the one the citizen's page shows). */
    public Optional<CallView> latestOfCase(String tenantId, String caseId) {
        return db.selectFrom(VIDEO_CALL).where(VIDEO_CALL.TENANT_ID.eq(tenantId), VIDEO_CALL.CASE_ID.eq(caseId))
                .orderBy(VIDEO_CALL.REQUESTED_AT.desc()).limit(1).fetchOptional().map(this::view);
    }

    private CallView view(org.jooq.Record r) {
        var row = r.into(VIDEO_CALL);
        List<GuestView> guests = db.selectFrom(VIDEO_GUEST).where(VIDEO_GUEST.CALL_ID.eq(row.getCallId()))
                .orderBy(VIDEO_GUEST.CREATED_AT).fetch(g -> new GuestView(g.getGuestId(), g.getCallId(),
                        g.getDisplayName(), g.getStatus(), g.getConsent()));
        return new CallView(row.getCallId(), row.getTenantId(), row.getCaseId(), CallStatus.valueOf(row.getStatus()),
                row.getStaffIn(), row.getCitizenIn(), instant(row.getRequestedAt()), instant(row.getStartedAt()),
                instant(row.getEndedAt()), row.getOutcome(), guests);
    }

    // ---- citizen ---------------------------------------------------------------------------------

    /** The citizen of the case answers the call. */
    public void answer(String tenantId, String caseId, String callId, boolean accepted) {
        CallView call = ofCase(tenantId, caseId, callId);
        commands.sendAndWait(new CallCommands.Answer(tenantId, call.callId(), accepted, clock.instant()));
    }

    /** The citizen of the case agrees to (or refuses) a waiting guest. */
    public void consent(String tenantId, String caseId, String callId, String guestId, boolean given) {
        CallView call = ofCase(tenantId, caseId, callId);
        requireGuest(call, guestId);
        commands.sendAndWait(new CallCommands.Consent(tenantId, call.callId(), guestId, given, clock.instant()));
    }

    private CallView ofCase(String tenantId, String caseId, String callId) {
        CallView call = get(tenantId, callId);
        if (!call.caseId().equals(caseId)) {
            throw new VideoException(Reason.UNKNOWN_CALL);
        }
        if (call.ended()) {
            throw new VideoException(Reason.CALL_OVER);
        }
        return call;
    }

    // ---- guests ----------------------------------------------------------------------------------

    /** Staff create an invite link for one more person in this call. */
    public Invite invite(String tenantId, String callId) {
        CallView call = get(tenantId, callId);
        if (call.ended()) {
            throw new VideoException(Reason.CALL_OVER);
        }
        String inviteId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(INVITE_TTL);
        db.insertInto(VIDEO_INVITE).set(VIDEO_INVITE.INVITE_ID, inviteId).set(VIDEO_INVITE.TENANT_ID, tenantId)
                .set(VIDEO_INVITE.CALL_ID, callId).set(VIDEO_INVITE.CREATED_AT, utc(now))
                .set(VIDEO_INVITE.EXPIRES_AT, utc(expiresAt)).execute();
        commands.sendAndWait(new CallCommands.Invite(tenantId, callId, inviteId, now, expiresAt));
        return new Invite(inviteId, "/" + tenantId + "/video/gast?einladung="
                + links.issue(INVITE, tenantId, inviteId, INVITE_TTL), expiresAt);
    }

    /** The call of a valid invite link (genuine, unexpired, its call still open), or INVALID_LINK. */
    public CallView invitedTo(String tenantId, String invite) {
        String inviteId = links.verify(invite, INVITE, tenantId).orElseThrow(() -> new VideoException(Reason.INVALID_LINK));
        String callId = db.select(VIDEO_INVITE.CALL_ID).from(VIDEO_INVITE)
                .where(VIDEO_INVITE.INVITE_ID.eq(inviteId), VIDEO_INVITE.TENANT_ID.eq(tenantId),
                        VIDEO_INVITE.EXPIRES_AT.gt(utc(clock.instant())))
                .fetchOptional(VIDEO_INVITE.CALL_ID).orElseThrow(() -> new VideoException(Reason.INVALID_LINK));
        CallView call = get(tenantId, callId);
        if (call.ended()) {
            throw new VideoException(Reason.CALL_OVER);
        }
        return call;
    }

    /** A guest with a valid invite gives a display name and waits; returns the guest's own link token. */
    public String arrive(String tenantId, String invite, String displayName) {
        CallView call = invitedTo(tenantId, invite);
        String name = displayName(displayName).orElseThrow(() -> new VideoException(Reason.INVALID_INPUT));
        String inviteId = links.verify(invite, INVITE, tenantId).orElseThrow();
        String guestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        db.insertInto(VIDEO_GUEST).set(VIDEO_GUEST.GUEST_ID, guestId).set(VIDEO_GUEST.TENANT_ID, tenantId)
                .set(VIDEO_GUEST.CALL_ID, call.callId()).set(VIDEO_GUEST.DISPLAY_NAME, name)
                .set(VIDEO_GUEST.STATUS, "WAITING").set(VIDEO_GUEST.CONSENT, "PENDING")
                .set(VIDEO_GUEST.CREATED_AT, utc(now)).set(VIDEO_GUEST.EXPIRES_AT, utc(now.plus(CallProjection.LIFETIME)))
                .execute();
        try {
            commands.sendAndWait(new CallCommands.Wait(tenantId, call.callId(), guestId, inviteId, now));
        } catch (RuntimeException refused) {
            db.deleteFrom(VIDEO_GUEST).where(VIDEO_GUEST.GUEST_ID.eq(guestId)).execute();
            throw refused;
        }
        return links.issue(GUEST, tenantId, guestId, GUEST_LINK_TTL);
    }

    /** The guest of a guest link, or INVALID_LINK (also once the call's data is gone). */
    public GuestView guest(String tenantId, String guestLink) {
        String guestId = links.verify(guestLink, GUEST, tenantId).orElseThrow(() -> new VideoException(Reason.INVALID_LINK));
        return db.selectFrom(VIDEO_GUEST).where(VIDEO_GUEST.GUEST_ID.eq(guestId), VIDEO_GUEST.TENANT_ID.eq(tenantId))
                .fetchOptional(g -> new GuestView(g.getGuestId(), g.getCallId(), g.getDisplayName(), g.getStatus(),
                        g.getConsent()))
                .orElseThrow(() -> new VideoException(Reason.INVALID_LINK));
    }

    /** Staff admit, deny or remove a guest. Remove disconnects the guest in LiveKit and voids the ticket. */
    public void decide(String tenantId, String callId, String guestId, Decision decision) {
        CallView call = get(tenantId, callId);
        requireGuest(call, guestId);
        commands.sendAndWait(new CallCommands.Decide(tenantId, callId, guestId, decision, clock.instant()));
        if (decision == Decision.REMOVE) {
            LiveKitRooms liveKit = rooms.getIfAvailable();
            if (liveKit != null) {
                for (Record identity : guestIdentities(callId, guestId)) {
                    liveKit.removeParticipant(identity.get(VIDEO_PARTICIPANT.ROOM_NAME),
                            identity.get(VIDEO_PARTICIPANT.IDENTITY));
                }
            }
        }
    }

    private List<? extends Record> guestIdentities(String callId, String guestId) {
        return db.select(VIDEO_PARTICIPANT.ROOM_NAME, VIDEO_PARTICIPANT.IDENTITY).from(VIDEO_PARTICIPANT)
                .where(VIDEO_PARTICIPANT.CALL_ID.eq(callId), VIDEO_PARTICIPANT.ROLE.eq(Role.GUEST.name()),
                        VIDEO_PARTICIPANT.PARTICIPANT_ID.eq(guestId))
                .fetch();
    }

    private static void requireGuest(CallView call, String guestId) {
        if (guestId == null || call.guests().stream().noneMatch(g -> g.guestId().equals(guestId))) {
            throw new VideoException(Reason.UNKNOWN_GUEST);
        }
    }

    // ---- tickets and tokens ----------------------------------------------------------------------

    /** A staff ticket (the caller shows it on the signed-in staff page only). */
    public String staffTicket(String tenantId, String callId) {
        get(tenantId, callId);
        return ticket(tenantId, new Ticket(Role.STAFF, callId, UUID.randomUUID().toString()));
    }

    /** The citizen's ticket, once the call is accepted. */
    public String citizenTicket(String tenantId, String caseId, String callId) {
        CallView call = ofCase(tenantId, caseId, callId);
        if (!call.accepted()) {
            throw new VideoException(Reason.NOT_ADMITTED);
        }
        return ticket(tenantId, new Ticket(Role.CITIZEN, callId, UUID.randomUUID().toString()));
    }

    /** An admitted guest's ticket; its participant id is the guest id. None before admission. */
    public String guestTicket(String tenantId, String guestLink) {
        GuestView guest = guest(tenantId, guestLink);
        if (!"ADMITTED".equals(guest.status())) {
            throw new VideoException(Reason.NOT_ADMITTED);
        }
        return ticket(tenantId, new Ticket(Role.GUEST, guest.callId(), guest.guestId()));
    }

    private String ticket(String tenantId, Ticket ticket) {
        return links.issue(TICKET, tenantId, ticket.role().name().toLowerCase(Locale.ROOT) + ":" + ticket.callId() + ":"
                + ticket.participantId(), TICKET_TTL);
    }

    /** The content of a genuine, unexpired ticket of this tenant, or INVALID_TICKET. */
    public Ticket readTicket(String tenantId, String ticket) {
        String id = links.verify(ticket, TICKET, tenantId).orElseThrow(() -> new VideoException(Reason.INVALID_TICKET));
        String[] parts = id.split(":", 3);
        try {
            return new Ticket(Role.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1], parts[2]);
        } catch (RuntimeException malformed) {
            throw new VideoException(Reason.INVALID_TICKET);
        }
    }

    /**
     * Exchanges a ticket for a LiveKit token, when its holder may join now: staff only when signed
     * in as staff of the tenant; the citizen once the call is accepted; a guest only while admitted.
     */
    public JoinToken token(String tenantId, String ticketValue, String displayName, boolean signedInStaff) {
        LiveKitRooms liveKit = rooms.getIfAvailable();
        if (liveKit == null) {
            throw new VideoException(Reason.VIDEO_UNAVAILABLE);
        }
        Ticket ticket = readTicket(tenantId, ticketValue);
        CallView call = find(tenantId, ticket.callId()).orElseThrow(() -> new VideoException(Reason.INVALID_TICKET));
        if (call.ended()) {
            throw new VideoException(Reason.CALL_OVER);
        }
        switch (ticket.role()) {
            case STAFF -> {
                if (!signedInStaff) {
                    throw new VideoException(Reason.NOT_ALLOWED);
                }
            }
            case CITIZEN -> {
                if (!call.accepted()) {
                    throw new VideoException(Reason.NOT_ADMITTED);
                }
            }
            case GUEST -> {
                boolean admitted = db.fetchExists(VIDEO_GUEST, VIDEO_GUEST.GUEST_ID.eq(ticket.participantId()),
                        VIDEO_GUEST.CALL_ID.eq(call.callId()), VIDEO_GUEST.STATUS.eq("ADMITTED"));
                if (!admitted) {
                    throw new VideoException(Reason.NOT_ADMITTED);
                }
            }
        }
        String name = displayName == null || displayName.isBlank() ? null
                : displayName(displayName).orElseThrow(() -> new VideoException(Reason.INVALID_INPUT));
        String roomName = liveKit.roomOf(call.callId()).orElseThrow(() -> new VideoException(Reason.CALL_OVER));
        JoinToken token = liveKit.joinToken(roomName, name);
        db.insertInto(VIDEO_PARTICIPANT).set(VIDEO_PARTICIPANT.IDENTITY, token.identity())
                .set(VIDEO_PARTICIPANT.TENANT_ID, tenantId).set(VIDEO_PARTICIPANT.CALL_ID, call.callId())
                .set(VIDEO_PARTICIPANT.ROOM_NAME, roomName).set(VIDEO_PARTICIPANT.PARTICIPANT_ID, ticket.participantId())
                .set(VIDEO_PARTICIPANT.ROLE, ticket.role().name())
                .set(VIDEO_PARTICIPANT.EXPIRES_AT, utc(clock.instant().plus(CallProjection.LIFETIME)))
                .execute();
        return token;
    }

    /** Trimmed, without control characters, at most 80 characters; empty when blank or too long. */
    static Optional<String> displayName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().replaceAll("\\p{Cntrl}", "");
        return name.isEmpty() || name.length() > MAX_NAME ? Optional.empty() : Optional.of(name);
    }

    // ---- ending ----------------------------------------------------------------------------------

    /** Staff end the call: the room is deleted on the server and every room datum of the call with it. */
    public void end(String tenantId, String callId) {
        CallView call = get(tenantId, callId);
        LiveKitRooms liveKit = rooms.getIfAvailable();
        Optional<String> room = liveKit == null ? Optional.empty() : liveKit.roomOf(callId);
        room.ifPresent(liveKit::delete);
        forgetRoomData(callId);
        commands.sendAndWait(new CallCommands.End(tenantId, call.callId(), clock.instant()));
    }

    /** LiveKit reported the room finished (everyone left, timeout, deleted): the call ends, its data goes. */
    void roomFinished(String roomName) {
        LiveKitRooms liveKit = rooms.getIfAvailable();
        Optional<String> callId = liveKit == null ? Optional.empty() : liveKit.callOf(roomName);
        if (liveKit != null) {
            liveKit.forget(roomName);
        }
        callId.ifPresent(id -> {
            String tenantId = db.select(VIDEO_CALL.TENANT_ID).from(VIDEO_CALL).where(VIDEO_CALL.CALL_ID.eq(id))
                    .fetchOne(VIDEO_CALL.TENANT_ID);
            forgetRoomData(id);
            if (tenantId != null) {
                commands.sendAndWait(new CallCommands.End(tenantId, id, clock.instant()));
            }
        });
    }

    /** Everything of the call that names the room or a person: rooms, identities, invites, guests. */
    private void forgetRoomData(String callId) {
        db.deleteFrom(VIDEO_ROOM).where(VIDEO_ROOM.CALL_ID.eq(callId)).execute();
        db.deleteFrom(VIDEO_PARTICIPANT).where(VIDEO_PARTICIPANT.CALL_ID.eq(callId)).execute();
        db.deleteFrom(VIDEO_INVITE).where(VIDEO_INVITE.CALL_ID.eq(callId)).execute();
        db.deleteFrom(VIDEO_GUEST).where(VIDEO_GUEST.CALL_ID.eq(callId)).execute();
    }

    /** LiveKit reported a participant joining or leaving; unknown identities are not the platform's. */
    void presence(String identity, boolean joined) {
        db.selectFrom(VIDEO_PARTICIPANT).where(VIDEO_PARTICIPANT.IDENTITY.eq(identity)).fetchOptional()
                .ifPresent(p -> commands.sendAndWait(new CallCommands.Presence(p.getTenantId(), p.getCallId(),
                        p.getParticipantId(), Role.valueOf(p.getRole()), joined, clock.instant())));
    }

    /**
     * Replay protection: true the first time a webhook id is seen within the window; false for an id
     * seen before or a {@code createdAt} more than 5 minutes off the clock.
     */
    boolean firstSighting(String webhookId, Instant createdAt) {
        Instant now = clock.instant();
        if (webhookId == null || webhookId.isBlank() || webhookId.length() > 80 || createdAt == null
                || createdAt.isBefore(now.minus(WEBHOOK_WINDOW)) || createdAt.isAfter(now.plus(WEBHOOK_WINDOW))) {
            return false;
        }
        return db.insertInto(VIDEO_WEBHOOK_SEEN).set(VIDEO_WEBHOOK_SEEN.WEBHOOK_ID, webhookId)
                .set(VIDEO_WEBHOOK_SEEN.RECEIVED_AT, utc(now)).onConflictDoNothing().execute() == 1;
    }

    /** A webhook whose handling failed may be delivered again. */
    void forgetSighting(String webhookId) {
        db.deleteFrom(VIDEO_WEBHOOK_SEEN).where(VIDEO_WEBHOOK_SEEN.WEBHOOK_ID.eq(webhookId)).execute();
    }

    /** Rows past their lifetime (at most 7 days) and webhook ids past the window. */
    @Scheduled(fixedDelayString = "${amtsraum.livekit.sweep-interval:PT15M}",
            initialDelayString = "${amtsraum.livekit.sweep-interval:PT15M}")
    void sweep() {
        OffsetDateTime now = utc(clock.instant());
        db.deleteFrom(VIDEO_PARTICIPANT).where(VIDEO_PARTICIPANT.EXPIRES_AT.le(now)).execute();
        db.deleteFrom(VIDEO_INVITE).where(VIDEO_INVITE.EXPIRES_AT.le(now)).execute();
        db.deleteFrom(VIDEO_GUEST).where(VIDEO_GUEST.EXPIRES_AT.le(now)).execute();
        db.deleteFrom(VIDEO_CALL).where(VIDEO_CALL.EXPIRES_AT.le(now)).execute();
        db.deleteFrom(VIDEO_WEBHOOK_SEEN).where(VIDEO_WEBHOOK_SEEN.RECEIVED_AT.le(utc(clock.instant()
                .minus(WEBHOOK_WINDOW.multipliedBy(2))))).execute();
    }

    /** The SSE stream of a page: the keys it listens to. */
    public org.springframework.web.servlet.mvc.method.annotation.SseEmitter signals(List<String> keys) {
        return signals.subscribe(keys);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
