package de.amtsraum.video;

import de.amtsraum.shared.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A video request that cannot be served, as problem details. Details never carry personal data. */
public class VideoException extends ProblemException {

    public enum Reason {
        NOT_CONFIGURED(HttpStatus.NOT_FOUND, "video-not-configured", "Video not configured",
                "Video consultation is not configured on this platform."),
        UNKNOWN_ROOM(HttpStatus.NOT_FOUND, "unknown-video-room", "Unknown video room",
                "There is no video room with this name, or it has ended."),
        VIDEO_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "video-unavailable", "Video unavailable",
                "The video server cannot be reached right now. Please try again later."),
        INVALID_WEBHOOK(HttpStatus.UNAUTHORIZED, "invalid-webhook-signature", "Invalid webhook signature",
                "The webhook is not signed by the configured LiveKit server, or its body was altered.");

        final HttpStatus status;
        final String type;
        final String title;
        final String detail;

        Reason(HttpStatus status, String type, String title, String detail) {
            this.status = status;
            this.type = type;
            this.title = title;
            this.detail = detail;
        }
    }

    private final Reason reason;

    public VideoException(Reason reason) {
        super(reason.status, reason.type, reason.title, reason.detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
