package de.amtsraum.rights;

import de.amtsraum.shared.web.ProblemException;
import de.amtsraum.shared.web.ProblemType;
import org.springframework.http.HttpStatus;

/** A refused inbox action, as problem details (API) or a German sentence (pages); never personal data. */
public class RightsRequestException extends ProblemException {

    public enum Reason {
        INVALID_REQUEST(new ProblemType(HttpStatus.BAD_REQUEST, "invalid-rights-request", "Invalid rights request",
                "Required: type, channel, receivedOn (ISO date, not in the future), requesterName; the description "
                + "at most 4000 characters.",
                "Bitte geben Sie Art, Eingangsweg, Eingangsdatum (nicht in der Zukunft) und den Namen der anfragenden Person an.")),
        UNKNOWN(new ProblemType(HttpStatus.NOT_FOUND, "unknown-rights-request", "Unknown rights request",
                "There is no such rights request for this tenant.", "Diese Anfrage gibt es nicht.")),
        NOT_OFFERED(new ProblemType(HttpStatus.CONFLICT, "rights-requests-not-offered", "No data category for rights requests",
                "The tenant's manifest has no data category covering RIGHTS_REQUEST (e.g. 'rights-requests'); "
                + "requests cannot be recorded until it has one.",
                "Das Manifest der Behörde hat keine Datenkategorie für Anfragen zu Betroffenenrechten.")),
        INVALID_VERIFICATION(new ProblemType(HttpStatus.BAD_REQUEST, "invalid-identity-verification",
                "Invalid identity verification", "Required: method (ID_DOCUMENT_SEEN, KNOWN_EMAIL, CALLBACK, "
                + "SIGNED_LETTER, OTHER); a note is required for OTHER.",
                "Bitte wählen Sie, wie die Identität geprüft wurde (bei „Sonstiges“ mit Vermerk).")),
        INVALID_EXTENSION(new ProblemType(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-deadline-extension",
                "Invalid deadline extension", "An extension is 1 or 2 months, needs a reason, and the citizen must "
                + "have been informed (Art. 12(3) GDPR).",
                "Eine Verlängerung beträgt 1 oder 2 Monate, braucht eine Begründung, und die Person muss informiert sein.")),
        ALREADY_EXTENDED(new ProblemType(HttpStatus.CONFLICT, "deadline-already-extended", "Deadline already extended",
                "The deadline can be extended once, by at most two further months in all (Art. 12(3) GDPR).",
                "Die Frist wurde bereits verlängert; eine weitere Verlängerung ist nicht zulässig.")),
        IDENTITY_NOT_VERIFIED(new ProblemType(HttpStatus.CONFLICT, "identity-not-verified", "Identity not verified",
                "A request can be closed only after the requester's identity was verified.",
                "Bitte prüfen Sie zuerst die Identität der anfragenden Person.")),
        INVALID_CLOSURE(new ProblemType(HttpStatus.BAD_REQUEST, "invalid-rights-request-closure",
                "Invalid closure", "Required: outcome (ANSWERED, REFUSED); a refusal needs a reasonCode.",
                "Bitte wählen Sie das Ergebnis; eine Ablehnung braucht einen Grund.")),
        CLOSED(new ProblemType(HttpStatus.CONFLICT, "rights-request-closed", "Rights request closed",
                "The request is closed and cannot be changed.", "Die Anfrage ist abgeschlossen."));

        private final ProblemType problem;

        Reason(ProblemType problem) {
            this.problem = problem;
        }

        public ProblemType problem() {
            return problem;
        }
    }

    private final Reason reason;

    public RightsRequestException(Reason reason) {
        super(reason.problem());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
