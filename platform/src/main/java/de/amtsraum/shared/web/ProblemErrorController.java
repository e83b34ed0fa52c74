package de.amtsraum.shared.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that never reach a controller (raised in a servlet filter, or by the container) end at
 * {@code /error}; they too are answered as problem details, without exception text or stack trace.
 * Replaces Spring Boot's BasicErrorController.
 */
@Controller
@ResponseBody
@Hidden
class ProblemErrorController implements ErrorController {

    /** Browsers get a German page: the not-found page, or the general error page. */
    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        return new ModelAndView(status == HttpStatus.NOT_FOUND ? "site/not-found" : "site/error", status);
    }

    @RequestMapping(path = "/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        String detail = status.is5xxServerError()
                ? "The request could not be completed. Please try again later."
                : "The request could not be handled: " + status.getReasonPhrase() + ".";
        ProblemDetail problem = Problems.of(status, "http-" + status.value(), status.getReasonPhrase(), detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
