package de.amtsraum.video.internal;

import de.amtsraum.shared.TenantId;
import de.amtsraum.video.JoinToken;
import de.amtsraum.video.Rooms;
import de.amtsraum.video.VideoException;
import de.amtsraum.video.VideoException.Reason;
import de.amtsraum.video.VideoRoom;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomServiceClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import retrofit2.Call;
import retrofit2.Response;

/**
 * {@link Rooms} on LiveKit's RoomService (Twirp over HTTP, through the server SDK). Logs carry room
 * names and participant identities only, both random.
 */
class LiveKitRooms implements Rooms {

    private static final Logger log = LoggerFactory.getLogger(LiveKitRooms.class);

    private final RoomServiceClient client;
    private final RoomRecords records;
    private final LiveKitProperties properties;
    private final Clock clock;

    LiveKitRooms(RoomServiceClient client, RoomRecords records, LiveKitProperties properties, Clock clock) {
        this.client = client;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public VideoRoom create(String tenantId) {
        return create(tenantId, null);
    }

    /** A room for a call: the record names the call, so the webhooks find it. */
    VideoRoom create(String tenantId, String callId) {
        if (!TenantId.isValid(tenantId)) {
            throw new IllegalArgumentException("not a tenant id");
        }
        Instant now = clock.instant();
        VideoRoom room = new VideoRoom(RoomNames.random(), tenantId, now, now.plus(properties.roomLifetime()));
        // Recorded first: a room on the server always has a record, so the sweep can remove it.
        records.insert(room, callId);
        try {
            execute(client.createRoom(room.name(), seconds(properties.emptyTimeout()), properties.maxParticipants(),
                    null, null, null, null, null, seconds(properties.departureTimeout())));
        } catch (VideoException e) {
            records.delete(room.name());
            throw e;
        }
        log.info("Video room {} created for tenant {}", room.name(), tenantId);
        return room;
    }

    @Override
    public void delete(String roomName) {
        deleteOnServer(roomName);
        records.delete(roomName);
    }

    @Override
    public JoinToken joinToken(String roomName) {
        return joinToken(roomName, null);
    }

    @Override
    public void removeParticipant(String roomName, String identity) {
        try {
            Response<Void> response = client.removeParticipant(roomName, identity).execute();
            if (!response.isSuccessful() && response.code() != 404) {
                log.warn("LiveKit refused to remove participant {} from room {}: HTTP {}", identity, roomName,
                        response.code());
                throw new VideoException(Reason.VIDEO_UNAVAILABLE);
            }
        } catch (IOException e) {
            log.warn("LiveKit not reachable to remove participant {} from room {}", identity, roomName);
            throw new VideoException(Reason.VIDEO_UNAVAILABLE);
        }
    }

    /** The room of a call, while the platform keeps it. */
    java.util.Optional<String> roomOf(String callId) {
        return records.ofCall(callId);
    }

    /** The call a room belongs to, if any. */
    java.util.Optional<String> callOf(String roomName) {
        return records.callOf(roomName);
    }

    @Override
    public JoinToken joinToken(String roomName, String displayName) {
        VideoRoom room = records.find(roomName).filter(r -> r.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new VideoException(Reason.UNKNOWN_ROOM));
        String identity = "p-" + RoomNames.random();
        Instant expiresAt = clock.instant().plus(properties.tokenTtl());
        AccessToken token = new AccessToken(properties.apiKey(), properties.apiSecret());
        token.setIdentity(identity);
        if (displayName != null && !displayName.isBlank()) {
            token.setName(displayName); // shown to the others in the room; VIDEO_SESSION data, never logged
        }
        token.setExpiration(Date.from(expiresAt));
        // Least privilege: this room only, media in both directions. No data messages, no metadata
        // changes, no roomCreate/roomList/roomAdmin/roomRecord/recorder/hidden (absent means false).
        token.addGrants(new RoomJoin(true), new RoomName(room.name()), new CanPublish(true), new CanSubscribe(true),
                new CanPublishData(false), new CanUpdateOwnMetadata(false));
        return new JoinToken(room.name(), identity, token.toJwt(), properties.clientUrl().toString(), expiresAt);
    }

    /** Whether the platform has a record of the room. */
    boolean find(String roomName) {
        return records.find(roomName).isPresent();
    }

    /** Forgets a room LiveKit reported finished; true if the platform knew it. */
    boolean forget(String roomName) {
        return records.delete(roomName);
    }


    /** Deletes rooms past their lifetime (at most 7 days), on the server and in the records. */
    @Scheduled(fixedDelayString = "${amtsraum.livekit.sweep-interval:PT15M}",
            initialDelayString = "${amtsraum.livekit.sweep-interval:PT15M}")
    void sweepExpired() {
        for (String roomName : records.expired(clock.instant(), 100)) {
            try {
                delete(roomName);
                log.info("Video room {} deleted: lifetime over", roomName);
            } catch (VideoException e) {
                log.warn("Video room {} past its lifetime could not be deleted on the server; retried later", roomName);
            }
        }
    }

    private void deleteOnServer(String roomName) {
        try {
            Response<Void> response = client.deleteRoom(roomName).execute();
            if (!response.isSuccessful() && response.code() != 404) {
                log.warn("LiveKit refused to delete room {}: HTTP {}", roomName, response.code());
                throw new VideoException(Reason.VIDEO_UNAVAILABLE);
            }
        } catch (IOException e) {
            log.warn("LiveKit not reachable to delete room {}: {}", roomName, e.getClass().getSimpleName());
            throw new VideoException(Reason.VIDEO_UNAVAILABLE);
        }
    }

    private static <T> T execute(Call<T> call) {
        try {
            Response<T> response = call.execute();
            if (!response.isSuccessful()) {
                log.warn("LiveKit refused a RoomService call: HTTP {}", response.code());
                throw new VideoException(Reason.VIDEO_UNAVAILABLE);
            }
            return response.body();
        } catch (IOException e) {
            log.warn("LiveKit not reachable: {}", e.getClass().getSimpleName());
            throw new VideoException(Reason.VIDEO_UNAVAILABLE);
        }
    }

    private static int seconds(java.time.Duration duration) {
        return (int) Math.max(1, duration.toSeconds());
    }
}
