package de.amtsraum.video;

/**
 * LiveKit rooms of the platform. Exists only while video is configured ({@code amtsraum.livekit.url});
 * inject it as {@code ObjectProvider<Rooms>} and treat its absence as "video unavailable".
 */
public interface Rooms {

    /**
     * Creates a room on the LiveKit server with a fresh random name (128 bits, base32), the configured
     * empty and departure timeouts and participant limit, and records it for the tenant.
     *
     * @throws VideoException {@code VIDEO_UNAVAILABLE} when the server cannot be reached or refuses
     */
    VideoRoom create(String tenantId);

    /** Deletes the room on the server (disconnecting everyone) and its record; unknown rooms are ignored. */
    void delete(String roomName);

    /**
     * A short-lived token to join this room under a fresh pseudonymous identity: join this room only,
     * publish and subscribe media; no data messages, no metadata changes, no recording, no admin rights.
     *
     * @throws VideoException {@code UNKNOWN_ROOM} for a room the platform did not create or has forgotten
     */
    JoinToken joinToken(String roomName);

    /**
     * As {@link #joinToken(String)}, with the display name the others see (LiveKit {@code name});
     * blank or null for none.
     */
    JoinToken joinToken(String roomName, String displayName);

    /**
     * Disconnects a participant from the room on the server (a server-side RoomService call: no
     * participant ever holds {@code roomAdmin}); an unknown participant is ignored.
     *
     * @throws VideoException {@code VIDEO_UNAVAILABLE} when the server cannot be reached
     */
    void removeParticipant(String roomName, String identity);
}
