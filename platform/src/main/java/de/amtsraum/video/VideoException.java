package de.amtsraum.video;

import de.amtsraum.shared.web.ProblemException;
import de.amtsraum.shared.web.ProblemType;
import org.springframework.http.HttpStatus;

/** A video request that cannot be served, as problem details. Details never carry personal data. */
public class VideoException extends ProblemException {

    public enum Reason {
        NOT_CONFIGURED(new ProblemType(HttpStatus.NOT_FOUND, "video-not-configured", "Video not configured",
                "Video consultation is not configured on this platform.")),
        UNKNOWN_ROOM(new ProblemType(HttpStatus.NOT_FOUND, "unknown-video-room", "Unknown video room",
                "There is no video room with this name, or it has ended.")),
        VIDEO_UNAVAILABLE(new ProblemType(HttpStatus.SERVICE_UNAVAILABLE, "video-unavailable", "Video unavailable",
                "The video server cannot be reached right now. Please try again later.")),
        INVALID_WEBHOOK(new ProblemType(HttpStatus.UNAUTHORIZED, "invalid-webhook-signature", "Invalid webhook signature",
                "The webhook is not signed by the configured LiveKit server, or its body was altered."));

        private final ProblemType problem;

        Reason(ProblemType problem) {
            this.problem = problem;
        }

        public ProblemType problem() {
            return problem;
        }
    }

    private final Reason reason;

    public VideoException(Reason reason) {
        super(reason.problem());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
