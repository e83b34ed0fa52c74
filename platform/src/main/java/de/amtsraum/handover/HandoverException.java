package de.amtsraum.handover;

import de.amtsraum.shared.web.ProblemException;
import de.amtsraum.shared.web.ProblemType;
import org.springframework.http.HttpStatus;

/** A redemption that cannot be served, as problem details. Details never carry personal data. */
public class HandoverException extends ProblemException {

    public enum Reason {
        INVALID_REQUEST(new ProblemType(HttpStatus.BAD_REQUEST, "invalid-handover-redemption",
                "Invalid redemption request", "The body must be a JSON object {\"reference\": \"…\"} with the "
                + "reference of a handover message.")),
        UNKNOWN_REFERENCE(new ProblemType(HttpStatus.NOT_FOUND, "unknown-handover-reference",
                "Unknown handover reference", "There is no handover with this reference for this tenant.")),
        ALREADY_REDEEMED(new ProblemType(HttpStatus.GONE, "handover-already-redeemed", "Handover already redeemed",
                "This reference was redeemed before; a reference can be redeemed once.")),
        EXPIRED(new ProblemType(HttpStatus.GONE, "handover-reference-expired", "Handover reference expired",
                "This reference has expired and can no longer be redeemed.")),
        ERASED(new ProblemType(HttpStatus.GONE, "handover-content-erased", "Handover content erased",
                "The content of this handover was erased (its retention period ended or its deletion was requested)."));

        private final ProblemType problem;

        Reason(ProblemType problem) {
            this.problem = problem;
        }

        public ProblemType problem() {
            return problem;
        }
    }

    private final Reason reason;

    public HandoverException(Reason reason) {
        super(reason.problem());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
