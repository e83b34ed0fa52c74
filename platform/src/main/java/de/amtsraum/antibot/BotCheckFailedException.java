package de.amtsraum.antibot;

import de.amtsraum.shared.web.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The bot check of a submission failed; nothing was stored. {@link #reason()} says why (also as the
 * problem member {@code reason}); {@link #germanMessage()} is the text for the citizen (problem
 * member {@code message}).
 */
public class BotCheckFailedException extends ProblemException {

    /** Why a solution was not accepted. */
    public enum Reason {
        MISSING("Bitte bestätigen Sie, dass Sie kein Roboter sind."),
        MALFORMED("Die Prüfung konnte nicht gelesen werden. Bitte versuchen Sie es erneut."),
        WRONG("Die Prüfung war nicht erfolgreich. Bitte versuchen Sie es erneut."),
        EXPIRED("Die Prüfung ist abgelaufen. Bitte bestätigen Sie erneut."),
        OTHER_TENANT("Die Prüfung gehört nicht zu diesem Formular. Bitte versuchen Sie es erneut."),
        USED("Diese Prüfung wurde schon verwendet. Bitte bestätigen Sie erneut.");

        private final String german;

        Reason(String german) {
            this.german = german;
        }

        public String german() {
            return german;
        }

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public BotCheckFailedException(Reason reason) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "bot-check-failed", "Bot check failed",
                "The proof of work or the answer to the question was not accepted (" + reason.code()
                        + "). Fetch a new challenge and try again; nothing was stored.");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The message for the citizen, in German. */
    public String germanMessage() {
        return reason.german();
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("reason", reason.code(), "message", reason.german());
    }
}
