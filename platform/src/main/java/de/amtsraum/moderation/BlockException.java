package de.amtsraum.moderation;

import de.amtsraum.shared.web.ProblemException;
import de.amtsraum.shared.web.ProblemType;
import org.springframework.http.HttpStatus;

/** A blocking request that cannot be served; details never carry personal data or evidence. */
public class BlockException extends ProblemException {

    public enum Reason {
        NOT_OFFERED(new ProblemType(HttpStatus.NOT_FOUND, "blocking-not-offered", "No blocking",
                "This authority declares no category for evidence of misuse, so it cannot block citizens.",
                "Diese Behörde sieht keine Sperren wegen Missbrauchs vor.")),
        UNKNOWN_BLOCK(new ProblemType(HttpStatus.NOT_FOUND, "unknown-block", "Unknown block",
                "There is no block with this id.", "Diese Sperre gibt es nicht.")),
        ADDRESS_ERASED(new ProblemType(HttpStatus.CONFLICT, "block-address-erased", "Address already erased",
                "The e-mail address of this appointment is already erased; the citizen cannot be blocked by it.",
                "Die E-Mail-Adresse dieses Termins ist bereits gelöscht; eine Sperre ist nicht mehr möglich.")),
        SCREENSHOT_ERASED(new ProblemType(HttpStatus.NOT_FOUND, "screenshot-not-available", "No screenshot",
                "The block has no screenshot, or its evidence has been erased.",
                "Zu dieser Sperre gibt es keinen Screenshot (mehr)."));

        private final ProblemType problem;

        Reason(ProblemType problem) {
            this.problem = problem;
        }

        public ProblemType problem() {
            return problem;
        }
    }

    private final Reason reason;

    public BlockException(Reason reason) {
        super(reason.problem());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String german() {
        return reason.problem().german();
    }
}
