package de.amtsraum.moderation;

import de.amtsraum.shared.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A blocking request that cannot be served; details never carry personal data or evidence. */
public class BlockException extends ProblemException {

    public enum Reason {
        NOT_OFFERED(HttpStatus.NOT_FOUND, "blocking-not-offered", "No blocking",
                "This authority declares no category for evidence of misuse, so it cannot block citizens.",
                "Diese Behörde sieht keine Sperren wegen Missbrauchs vor."),
        UNKNOWN_BLOCK(HttpStatus.NOT_FOUND, "unknown-block", "Unknown block",
                "There is no block with this id.", "Diese Sperre gibt es nicht."),
        ADDRESS_ERASED(HttpStatus.CONFLICT, "block-address-erased", "Address already erased",
                "The e-mail address of this appointment is already erased; the citizen cannot be blocked by it.",
                "Die E-Mail-Adresse dieses Termins ist bereits gelöscht; eine Sperre ist nicht mehr möglich."),
        SCREENSHOT_ERASED(HttpStatus.NOT_FOUND, "screenshot-not-available", "No screenshot",
                "The block has no screenshot, or its evidence has been erased.",
                "Zu dieser Sperre gibt es keinen Screenshot (mehr).");

        private final HttpStatus status;
        private final String type;
        private final String title;
        private final String detail;
        private final String german;

        Reason(HttpStatus status, String type, String title, String detail, String german) {
            this.status = status;
            this.type = type;
            this.title = title;
            this.detail = detail;
            this.german = german;
        }
    }

    private final Reason reason;

    public BlockException(Reason reason) {
        super(reason.status, reason.type, reason.title, reason.detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String german() {
        return reason.german;
    }
}
