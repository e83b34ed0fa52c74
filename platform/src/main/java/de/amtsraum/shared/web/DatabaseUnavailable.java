package de.amtsraum.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The database is unreachable (PostgreSQL restarting, failing over, the pool unable to get a
 * connection within its timeout): answered as 503 with {@code Retry-After}, never as a 500 (ADR
 * 0030). APIs get RFC 9457 problem details of type {@code database-unavailable}; browsers get a
 * small German page that needs neither the database nor a template. The client may send the
 * request again later (bookings are idempotent per e-mail and slot only as far as the booking rules say).
 *
 * <p>Two places catch it: a {@link HandlerExceptionResolver} ordered before Spring MVC's own (so
 * before every {@code @ExceptionHandler} advice, which would answer 500), for exceptions of
 * controllers; and a servlet filter in front of all others, for exceptions of filters (session,
 * security, request log). Anything that is not a connection failure passes through untouched.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseUnavailable {

    static final String RETRY_AFTER_SECONDS = "10";
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the exception (or one of its causes) says the database cannot be reached. */
    public static boolean isOutage(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException) {
                // Not java.net.ConnectException on its own: mail, LiveKit or Kafka clients throw it too, and
                // the PostgreSQL driver reports a refused connection as SQLSTATE 08001 (below).
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    @Bean
    HandlerExceptionResolver databaseUnavailableResolver() {
        return new Resolver();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("databaseUnavailable");
        return registration;
    }

    static void answer(HttpServletRequest request, HttpServletResponse response, Throwable exception) throws IOException {
        // Type and origin only, as everywhere: messages may quote input.
        log.warn("Database unavailable while handling a request: {}", exception.getClass().getName());
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        if (wantsPage(request)) {
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        } else {
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "Service temporarily unavailable",
                    "The database is unreachable at the moment; please send the request again later.");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(JSON.writeValueAsBytes(problem));
        }
        response.flushBuffer();
    }

    /** Pages: everything outside /api/ and /actuator/ that a browser asks for as HTML. */
    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

    private static final class Resolver implements HandlerExceptionResolver, Ordered {

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception exception) {
            if (!isOutage(exception) || response.isCommitted()) {
                return null;
            }
            try {
                answer(request, response, exception);
            } catch (IOException clientGone) {
                log.debug("Client gone while answering 503");
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            // After Spring Boot's DefaultErrorAttributes (highest, records only), before MVC's composite (0).
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }
    }

    private static final class Guard extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException exception) {
                if (!isOutage(exception) || response.isCommitted()) {
                    throw exception;
                }
                answer(request, response, exception);
            }
        }
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="de">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Vorübergehend nicht erreichbar</title>
            </head>
            <body>
            <main>
            <h1>Der Dienst ist vorübergehend nicht erreichbar</h1>
            <p>Ihre Anfrage konnte gerade nicht bearbeitet werden, weil ein Teil des Systems neu startet.
            Bitte versuchen Sie es in einigen Minuten noch einmal.</p>
            <p>Ihre bisher gespeicherten Daten sind davon nicht betroffen.</p>
            <p lang="en">The service is temporarily unavailable. Please try again in a few minutes.</p>
            </main>
            </body>
            </html>
            """;
}
