package de.amtsraum.video;

import java.time.Instant;

/**
 * A room the platform created on LiveKit.
 *
 * @param name      the opaque room name (base32, no personal data)
 * @param tenantId  the tenant the room belongs to
 * @param createdAt when it was created
 * @param expiresAt when the platform deletes it at the latest (room ids live at most 7 days)
 */
public record VideoRoom(String name, String tenantId, Instant createdAt, Instant expiresAt) {
}
