package de.amtsraum.video.internal;

import de.amtsraum.video.VideoException;
import de.amtsraum.video.VideoException.Reason;
import de.amtsraum.video.VideoWebhooks;
import io.livekit.server.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import livekit.LivekitWebhook.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LiveKit webhooks, verified by the SDK's {@link WebhookReceiver}: the {@code Authorization} header
 * is a JWT (HS256 with the API secret, issuer the API key, not expired) whose {@code sha256} claim
 * must equal the Base64 SHA-256 of the raw body. Accepted events are logged without personal data
 * (room names and identities are random; display names are never logged) and counted in
 * {@code amtsraum.video.webhooks} by event. A webhook id seen before or a {@code createdAt} more than
 * 5 minutes off is refused (replay). Participant events become call events; {@code room_finished}
 * ends the call and deletes the room's data; {@code egress_started} is an alarm (recording and
 * streaming are never permitted): the call ends and the room is deleted at once.
 */
class LiveKitWebhooks implements VideoWebhooks {

    private static final Logger log = LoggerFactory.getLogger(LiveKitWebhooks.class);
    static final String METER = "amtsraum.video.webhooks";
    static final String ALARM_METER = "amtsraum.video.egress.alarms";

    private final WebhookReceiver receiver;
    private final LiveKitRooms rooms;
    private final MeterRegistry meters;
    private final CallService calls;

    LiveKitWebhooks(WebhookReceiver receiver, LiveKitRooms rooms, MeterRegistry meters, CallService calls) {
        this.receiver = receiver;
        this.rooms = rooms;
        this.meters = meters;
        this.calls = calls;
    }

    @Override
    public void receive(byte[] body, String authorization) {
        WebhookEvent event = verify(body, authorization);
        String type = event.getEvent();
        // Replay protection: each webhook id once, and only within minutes of its createdAt.
        if (!calls.firstSighting(event.getId(), java.time.Instant.ofEpochSecond(event.getCreatedAt()))) {
            log.warn("LiveKit webhook refused: replayed or stale ({})", type);
            meters.counter(METER, "event", "replayed").increment();
            throw new VideoException(Reason.REPLAYED_WEBHOOK);
        }
        try {
            handle(event, type);
        } catch (RuntimeException failed) {
            calls.forgetSighting(event.getId()); // LiveKit may deliver it again
            throw failed;
        }
        meters.counter(METER, "event", type.isEmpty() ? "unknown" : type).increment();
    }

    private void handle(WebhookEvent event, String type) {
        String room = event.hasRoom() ? event.getRoom().getName() : "";
        String identity = event.hasParticipant() ? event.getParticipant().getIdentity() : "";
        switch (type) {
            case "room_started" -> log.info("LiveKit: room {} started", room);
            case "room_finished" -> {
                boolean known = rooms.callOf(room).isPresent() || rooms.find(room);
                calls.roomFinished(room);
                log.info("LiveKit: room {} finished{}", room, known ? "; room data deleted" : " (not a platform room)");
            }
            case "participant_joined" -> {
                log.info("LiveKit: participant {} joined room {}", identity, room);
                calls.presence(identity, true);
            }
            case "participant_left" -> {
                log.info("LiveKit: participant {} left room {}", identity, room);
                calls.presence(identity, false);
            }
            case "egress_started" -> {
                log.error("ALARM: LiveKit started an egress (recording or stream) for room {}. Recording is never "
                        + "permitted: the room is deleted now; check the LiveKit deployment for an egress service "
                        + "and for tokens or API keys with recording rights.", room);
                meters.counter(ALARM_METER).increment();
                calls.roomFinished(room); // the call ends and its room data goes first (the record names the call)
                try {
                    rooms.delete(room);
                } catch (VideoException unreachable) {
                    log.error("ALARM: room {} with an egress could not be deleted on the server", room);
                }
            }
            default -> log.debug("LiveKit: event {} for room {}", type, room);
        }
    }

    private WebhookEvent verify(byte[] body, String authorization) {
        if (authorization == null || authorization.isBlank() || body == null) {
            meters.counter(METER, "event", "rejected").increment();
            throw new VideoException(Reason.INVALID_WEBHOOK);
        }
        try {
            // The receiver hashes body.toByteArray() (UTF-8): decoding valid UTF-8 and encoding again
            // gives the raw bytes back; a body that is not valid UTF-8 fails the hash and is refused.
            return receiver.receive(new String(body, StandardCharsets.UTF_8), authorization);
        } catch (Exception e) {
            // JWTVerificationException (signature, issuer, expiry), IllegalArgumentException (hash),
            // InvalidProtocolBufferException (not an event): the cause is named, nothing of the body.
            log.warn("LiveKit webhook refused: {}", e.getClass().getSimpleName());
            meters.counter(METER, "event", "rejected").increment();
            throw new VideoException(Reason.INVALID_WEBHOOK);
        }
    }
}
