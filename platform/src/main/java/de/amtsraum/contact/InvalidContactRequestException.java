package de.amtsraum.contact;

import de.amtsraum.shared.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The form has errors; nothing was stored. */
public class InvalidContactRequestException extends ProblemException {

    private final transient List<ContactForm.Problem> problems;

    public InvalidContactRequestException(List<ContactForm.Problem> problems) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-contact-request", "Invalid contact request",
                "The contact request has " + problems.size() + " error(s); see errors. Nothing was stored.");
        this.problems = List.copyOf(problems);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errors", problems);
    }
}
