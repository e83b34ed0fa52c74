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
                "The webhook is not signed by the configured LiveKit server, or its body was altered.")),
        REPLAYED_WEBHOOK(new ProblemType(HttpStatus.CONFLICT, "replayed-webhook", "Replayed webhook",
                "This webhook was received before, or it is too old to be accepted.")),
        VIDEO_OFF(new ProblemType(HttpStatus.SERVICE_UNAVAILABLE, "video-unavailable", "Video unavailable",
                "Video consultation is not available for this authority.",
                "Die Videoberatung ist derzeit nicht verfügbar.")),
        UNKNOWN_CALL(new ProblemType(HttpStatus.NOT_FOUND, "unknown-call", "Unknown call",
                "There is no such call.", "Diesen Videoanruf gibt es nicht.")),
        CALL_OVER(new ProblemType(HttpStatus.GONE, "call-over", "Call over",
                "This call has ended.", "Der Videoanruf ist beendet.")),
        ALREADY_ANSWERED(new ProblemType(HttpStatus.CONFLICT, "call-already-answered", "Call already answered",
                "This call was already accepted or declined.", "Der Anruf wurde bereits angenommen oder abgelehnt.")),
        UNKNOWN_GUEST(new ProblemType(HttpStatus.NOT_FOUND, "unknown-guest", "Unknown guest",
                "There is no such guest in this call's waiting room.",
                "Diese Person ist nicht im Warteraum dieses Anrufs.")),
        GUEST_NOT_WAITING(new ProblemType(HttpStatus.CONFLICT, "guest-not-waiting", "Guest not waiting",
                "The guest is no longer waiting (admitted, denied or removed before).",
                "Diese Person wartet nicht mehr (schon zugelassen, abgewiesen oder entfernt).")),
        CONSENT_MISSING(new ProblemType(HttpStatus.CONFLICT, "guest-consent-missing", "Citizen has not agreed",
                "The citizen must agree before a guest is admitted.",
                "Die Bürgerin oder der Bürger muss erst zustimmen, bevor die Person zugelassen werden kann.")),
        CONSENT_REFUSED(new ProblemType(HttpStatus.CONFLICT, "guest-consent-refused", "Citizen refused",
                "The citizen refused to let this guest in.",
                "Die Bürgerin oder der Bürger hat der Zulassung dieser Person widersprochen.")),
        INVALID_LINK(new ProblemType(HttpStatus.NOT_FOUND, "invalid-video-link", "Invalid or expired link",
                "The link is not valid or has expired.", "Der Link ist ungültig oder abgelaufen.")),
        INVALID_TICKET(new ProblemType(HttpStatus.FORBIDDEN, "invalid-video-ticket", "Not allowed to join",
                "The ticket is not valid, has expired, or is not for this call.",
                "Sie können diesem Anruf nicht beitreten.")),
        NOT_ADMITTED(new ProblemType(HttpStatus.FORBIDDEN, "not-admitted", "Not admitted",
                "You have not been admitted to this call (yet).",
                "Sie wurden (noch) nicht zum Anruf zugelassen.")),
        NOT_ALLOWED(new ProblemType(HttpStatus.FORBIDDEN, "video-not-allowed", "Not allowed",
                "Only signed-in staff of this authority may do this.",
                "Das dürfen nur angemeldete Mitarbeitende dieser Behörde.")),
        INVALID_INPUT(new ProblemType(HttpStatus.BAD_REQUEST, "invalid-video-input", "Invalid input",
                "A case id (UUID) and a display name of at most 80 characters are expected.",
                "Bitte geben Sie einen Namen mit höchstens 80 Zeichen ein."));

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

    /** The German sentence for pages; a generic one where the reason has none. */
    public String german() {
        String german = reason.problem().german();
        return german != null ? german : "Die Videoberatung ist derzeit nicht verfügbar.";
    }
}
