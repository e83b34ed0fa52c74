package de.amtsraum.shared.web;

import org.springframework.http.HttpStatus;

/**
 * One kind of refusal, as a table row of an exception's reason enum: HTTP status, problem type
 * (the last segment of its URI), English title and detail for the API, and the German sentence the
 * pages show (null where no page shows it). Never carries personal data.
 */
public record ProblemType(HttpStatus status, String type, String title, String detail, String german) {

    public ProblemType(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }
}
