package de.amtsraum.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A {@code multipart/*} request whose body cannot be parsed (no boundary, truncated) fails in the
 * dispatcher before any controller is chosen, so {@link ProblemDetailsAdvice} (bound to REST
 * controllers) never sees it and the container answered 500. It is the client's fault: 400 problem.
 * Pages get the German error page with the same 4xx status. Found by the schemathesis run (bench/fuzz).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedRequestAdvice {

    @ExceptionHandler(MultipartException.class)
    Object onMalformedMultipart(MultipartException exception, HttpServletRequest request) {
        boolean tooLarge = exception instanceof MaxUploadSizeExceededException;
        HttpStatus status = tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        if (!request.getRequestURI().startsWith("/api/")) {
            return new ModelAndView("site/error", status); // pages: the German error page, as before but 4xx
        }
        ProblemDetail problem = tooLarge
                ? Problems.of(status, "payload-too-large", "Payload too large", "The request body is too large.")
                : Problems.of(status, "malformed-request", "Malformed request",
                        "The request body could not be read as multipart/form-data.");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
