package de.amtsraum.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one HTTP error format: RFC 9457 problem details for every API error. Spring MVC's own
 * exceptions (404 for unknown paths, 405, 415, unreadable bodies) are handled by the base class;
 * anything unexpected becomes a 500 without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> onProblem(ProblemException problem) {
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    /**
     * An id of one kind of aggregate sent to the endpoint of another (a case id to a rights request): the
     * event stream exists but is not of that kind, so Axon refuses to load it. For the caller there is no
     * such resource; nothing was stored. Contexts that know their own "unknown" problem type map it
     * themselves; this is the net under the others. Found by the schemathesis run (bench/fuzz).
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> onForeignId(IncompatibleAggregateException exception) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "unknown-resource", "Unknown resource",
                "There is no such resource for this tenant.");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception exception) {
        // Type and origin only: messages of unexpected exceptions may quote input (personal data).
        StackTraceElement[] trace = exception.getStackTrace();
        log.error("Unexpected error while handling a request: {} at {}", exception.getClass().getName(),
                trace.length > 0 ? trace[0] : "unknown");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed. Please try again later.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }
}
