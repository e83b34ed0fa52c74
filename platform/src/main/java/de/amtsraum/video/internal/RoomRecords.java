package de.amtsraum.video.internal;

import static de.amtsraum.readmodel.jooq.Tables.VIDEO_ROOM;

import de.amtsraum.video.VideoRoom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The platform's record of its LiveKit rooms ({@code video_room}). */
class RoomRecords {

    private final DSLContext db;

    RoomRecords(DSLContext db) {
        this.db = db;
    }

    void insert(VideoRoom room, String callId) {
        db.insertInto(VIDEO_ROOM)
                .set(VIDEO_ROOM.CALL_ID, callId)
                .set(VIDEO_ROOM.ROOM_NAME, room.name())
                .set(VIDEO_ROOM.TENANT_ID, room.tenantId())
                .set(VIDEO_ROOM.CREATED_AT, room.createdAt().atOffset(ZoneOffset.UTC))
                .set(VIDEO_ROOM.EXPIRES_AT, room.expiresAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    Optional<VideoRoom> find(String roomName) {
        return db.selectFrom(VIDEO_ROOM).where(VIDEO_ROOM.ROOM_NAME.eq(roomName)).fetchOptional()
                .map(r -> new VideoRoom(r.getRoomName(), r.getTenantId(), r.getCreatedAt().toInstant(),
                        r.getExpiresAt().toInstant()));
    }

    Optional<String> ofCall(String callId) {
        return db.select(VIDEO_ROOM.ROOM_NAME).from(VIDEO_ROOM).where(VIDEO_ROOM.CALL_ID.eq(callId))
                .fetchOptional(VIDEO_ROOM.ROOM_NAME);
    }

    Optional<String> callOf(String roomName) {
        return db.select(VIDEO_ROOM.CALL_ID).from(VIDEO_ROOM).where(VIDEO_ROOM.ROOM_NAME.eq(roomName))
                .fetchOptional(VIDEO_ROOM.CALL_ID).filter(java.util.Objects::nonNull);
    }

    /** True if a row was deleted. */
    boolean delete(String roomName) {
        return db.deleteFrom(VIDEO_ROOM).where(VIDEO_ROOM.ROOM_NAME.eq(roomName)).execute() == 1;
    }

    List<String> expired(Instant now, int limit) {
        return db.select(VIDEO_ROOM.ROOM_NAME).from(VIDEO_ROOM)
                .where(VIDEO_ROOM.EXPIRES_AT.le(now.atOffset(ZoneOffset.UTC)))
                .orderBy(VIDEO_ROOM.EXPIRES_AT).limit(limit).fetch(VIDEO_ROOM.ROOM_NAME);
    }
}
