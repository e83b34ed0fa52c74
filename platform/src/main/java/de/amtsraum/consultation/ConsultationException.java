package de.amtsraum.consultation;

import de.amtsraum.shared.web.ProblemException;
import de.amtsraum.shared.web.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * A consultation case request that cannot be served, as problem+json for the API; the pages show
 * the message {@code case.problem.<type>} (German and English). Details never carry personal data.
 */
public class ConsultationException extends ProblemException {

    public static final ProblemType UNKNOWN_CASE = new ProblemType(HttpStatus.NOT_FOUND, "unknown-case",
            "Unknown case", "This authority has no consultation case with this id.");
    public static final ProblemType CASE_CLOSED = new ProblemType(HttpStatus.CONFLICT, "case-closed", "Case closed",
            "The case is archived, handed over or erased; nothing can be added or changed. Nothing was stored.");
    public static final ProblemType ALREADY_HANDED_OVER = new ProblemType(HttpStatus.CONFLICT,
            "case-already-handed-over", "Already handed over",
            "The case was handed over to the specialist system before; a case is handed over once.");
    public static final ProblemType CONVERSATION_NOT_DECLARED = new ProblemType(HttpStatus.CONFLICT,
            "conversation-data-not-declared", "Conversation data not declared",
            "This authority's privacy notice declares no category for conversation data (notes, outcome, "
                    + "ID document shown, handover), so the platform stores none. Nothing was stored.");
    public static final ProblemType UNKNOWN_SERVICE = new ProblemType(HttpStatus.BAD_REQUEST, "unknown-service",
            "Unknown service", "The authority offers no service with this id.");

    public static final ProblemType PROCESSING_RESTRICTED = new ProblemType(HttpStatus.CONFLICT,
            "processing-restricted", "Processing restricted",
            "The citizen restricted the processing of their data or objected to it (Art. 18/21 GDPR): the case "
                    + "is only stored until that is lifted; it cannot be changed or handed over. Nothing was stored.");

    private final ProblemType problem;

    public ConsultationException(ProblemType problem) {
        super(problem);
        this.problem = problem;
    }

    public ProblemType problem() {
        return problem;
    }

    /** The message key of the pages: {@code case.problem.<problem type>}. */
    public String messageKey() {
        return "case.problem." + problem.type();
    }
}
