package de.amtsraum.video;

import java.time.Instant;

/**
 * What a browser needs to join a room.
 *
 * @param roomName  the room
 * @param identity  the participant's pseudonymous identity in LiveKit (random, generated per token)
 * @param token     the signed LiveKit access token (JWT); short-lived, never logged
 * @param serverUrl the WebSocket URL of the LiveKit server for clients
 * @param expiresAt when the token stops admitting a join
 */
public record JoinToken(String roomName, String identity, String token, String serverUrl, Instant expiresAt) {

    @Override
    public String toString() {
        return "JoinToken[roomName=" + roomName + ", identity=" + identity + ", expiresAt=" + expiresAt + "]";
    }
}
