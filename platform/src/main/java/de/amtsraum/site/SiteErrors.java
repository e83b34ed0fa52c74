package de.amtsraum.site;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors on citizen pages: German pages without internals. */
@ControllerAdvice(annotations = SiteController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteErrors {

    private static final Logger log = LoggerFactory.getLogger(SiteErrors.class);

    @ExceptionHandler(PageNotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "site/not-found";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception exception, HttpServletResponse response) {
        StackTraceElement[] trace = exception.getStackTrace();
        log.error("Unexpected error on a citizen page: {} at {}", exception.getClass().getName(),
                trace.length > 0 ? trace[0] : "unknown");
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        return "site/error";
    }
}
