package de.amtsraum.video;

/**
 * Receives LiveKit webhooks. Exists only while video is configured.
 */
public interface VideoWebhooks {

    /**
     * Verifies the signature ({@code Authorization}: a JWT signed with the API secret whose
     * {@code sha256} claim is the Base64 SHA-256 of the body) and records the event.
     *
     * @param body          the raw request body, exactly as received
     * @param authorization the {@code Authorization} header, may be null
     * @throws VideoException {@code INVALID_WEBHOOK} when the signature or the body hash does not match
     */
    void receive(byte[] body, String authorization);
}
