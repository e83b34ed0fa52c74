package de.amtsraum.consultation;

import de.amtsraum.shared.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Input for a case has errors (missing, too long, not one of the choices); nothing was stored. */
public class InvalidCaseInputException extends ProblemException {

    /**
     * One error: the field, a stable code (pages show {@code case.error.<code>}) and an English message.
     */
    public record Problem(String field, String code, String message) {
    }

    private final transient List<Problem> problems;

    public InvalidCaseInputException(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST, "invalid-case-input", "Invalid case input",
                "The input has " + problems.size() + " error(s); see errors. Nothing was stored.");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errors", problems);
    }
}
