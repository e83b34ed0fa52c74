package de.amtsraum.video.web;

import de.amtsraum.video.VideoException;
import de.amtsraum.video.VideoWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * LiveKit's webhook. Public in the sense of the API chain (no bearer token): LiveKit authenticates
 * each call by signing it with the API secret, and {@link VideoWebhooks} checks that signature on the
 * raw body before anything is recorded.
 */
@RestController
class LiveKitWebhookController {

    private final ObjectProvider<VideoWebhooks> webhooks;

    LiveKitWebhookController(ObjectProvider<VideoWebhooks> webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/livekit/webhook")
    @Operation(summary = "LiveKit webhook (room and participant events); authenticated by LiveKit's signature",
            description = "Called by the LiveKit server only. The Authorization header carries a JWT signed with the "
                    + "API secret (HS256, issuer = API key) whose sha256 claim is the Base64 SHA-256 of the raw body. "
                    + "204 when accepted; 401 problem (invalid-webhook-signature) for a missing or wrong signature or "
                    + "an altered body; 404 problem (video-not-configured) when video is off.")
    ResponseEntity<Void> webhook(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        VideoWebhooks receiver = webhooks.getIfAvailable();
        if (receiver == null) {
            throw new VideoException(VideoException.Reason.NOT_CONFIGURED);
        }
        receiver.receive(body == null ? new byte[0] : body, authorization);
        return ResponseEntity.noContent().build();
    }
}
