package de.amtsraum.moderation;

import de.amtsraum.shared.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The block request has errors (German messages per field); nothing was stored or cancelled. */
public class InvalidBlockException extends ProblemException {

    public record Problem(String field, String message) {
    }

    private final transient List<Problem> problems;

    public InvalidBlockException(List<Problem> problems) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-block", "Invalid block",
                "The block has " + problems.size() + " error(s); see errors. Nothing was stored.");
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
