package de.amtsraum.shared.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error meant for the API client, answered as RFC 9457 problem details. Subclasses name the
 * problem type; {@link #extensions()} become extra members of the problem object. The message
 * must never carry personal data: it is logged as well as shown.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    protected ProblemException(ProblemType problem) {
        this(problem.status(), problem.type(), problem.title(), problem.detail());
    }

    protected ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, Object> extensions() {
        return Map.of();
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.of(status, type, title, getMessage());
        extensions().forEach(problem::setProperty);
        return problem;
    }
}
