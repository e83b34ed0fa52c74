package de.amtsraum.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Blocks for misuse, per tenant. A block names the citizen by a keyed hash the caller computes
 * (booking: its e-mail blind index), so the same person is recognised at the next booking without
 * the address being stored. Staff calls are authorised per tenant by the web layer.
 */
public interface CitizenBlocks {

    /** Whether the tenant's manifest has a category covering ABUSE_EVIDENCE; without one nothing is offered. */
    boolean offered(String tenantId);

    /** @throws BlockException NOT_OFFERED when the tenant does not offer blocking */
    void requireOffered(String tenantId);

    /**
     * Records the block with its evidence in the caller's transaction and starts the evidence's
     * INCIDENT_RECORDED retention at the block time.
     */
    BlockView block(String tenantId, String addressIndex, BlockOrder order, Evidence evidence);

    /** Whether a block of the address lasts at {@code at} (not lifted, and permanent or not yet ended). */
    boolean isBlocked(String tenantId, String addressIndex, Instant at);

    /** Blocks in force now, newest first; the reason reads {@code [gelöscht]} once the evidence is erased. */
    List<BlockView> active(String tenantId);

    /** Blocks in force now of one address. */
    List<BlockView> activeFor(String tenantId, String addressIndex);

    BlockView get(String tenantId, String blockId);

    /** @return whether it was lifted now (false: lifted or ended before) */
    boolean lift(String tenantId, String blockId);

    /** The screenshot while the evidence lives. */
    Optional<Screenshot> screenshot(String tenantId, String blockId);

    /**
     * What the source of the misuse knows besides the reason and the screenshot. All optional:
     * booking knows the appointment, the video room (issue 6) will know session id and IP address.
     */
    record Evidence(String source, String appointmentId, Instant appointmentStart, String sessionId,
                    String ipAddress) {
    }

    /** @param blockedUntil null: permanent */
    record BlockView(String blockId, String source, Instant blockedAt, Instant blockedUntil, Instant liftedAt,
                     String reason, boolean screenshot, boolean active) {
    }

    record Screenshot(String mediaType, byte[] bytes) {
    }
}
