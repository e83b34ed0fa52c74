package de.amtsraum.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** The 503 mapping of an unreachable database: which failures count, and what APIs and pages get. */
class DatabaseUnavailableTest {

    private final DatabaseUnavailable config = new DatabaseUnavailable();

    @Test
    void connectionFailuresCountOthersDoNot() {
        assertThat(DatabaseUnavailable.isOutage(new CannotGetJdbcConnectionException("x"))).isTrue();
        assertThat(DatabaseUnavailable.isOutage(new CannotCreateTransactionException("x"))).isTrue();
        assertThat(DatabaseUnavailable.isOutage(new IllegalStateException(new SQLException("gone", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.isOutage(new RuntimeException(new SQLException("shutdown", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isOutage(new SQLException("duplicate", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isOutage(new DataIntegrityViolationException("x"))).isFalse();
        assertThat(DatabaseUnavailable.isOutage(new IllegalArgumentException("x"))).isFalse();
        // A mail server or LiveKit refusing the connection is not the database.
        assertThat(DatabaseUnavailable.isOutage(new IllegalStateException(new java.net.ConnectException("refused"))))
                .isFalse();
    }

    @Test
    void anApiGetsA503ProblemWithRetryAfter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tenants/coburg/appointments");
        request.addHeader("Accept", "application/json");
        MockHttpServletResponse response = new MockHttpServletResponse();

        HandlerExceptionResolver resolver = config.databaseUnavailableResolver();
        assertThat(resolver.resolveException(request, response, null, new CannotGetJdbcConnectionException("x"))).isNotNull();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("https://amtsraum.de/problems/database-unavailable")
                .contains("\"status\":503").doesNotContain("Exception");
    }

    @Test
    void aPageGetsTheGermanPage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/coburg/termin");
        request.addHeader("Accept", "text/html,application/xhtml+xml");
        MockHttpServletResponse response = new MockHttpServletResponse();

        config.databaseUnavailableResolver().resolveException(request, response, null,
                new CannotCreateTransactionException("x"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("lang=\"de\"", "vorübergehend nicht erreichbar")
                .doesNotContain("Exception");
    }

    @Test
    void otherFailuresAreLeftToTheUsualHandlers() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(config.databaseUnavailableResolver().resolveException(new MockHttpServletRequest("GET", "/api/v1/x"),
                response, null, new IllegalStateException("x"))).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void theFilterAnswersForFailuresInOtherFilters() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tenants");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain failing = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
        }, (req, res, chain) -> {
            throw new ServletException(new CannotGetJdbcConnectionException("x"));
        });

        config.databaseUnavailableFilter().getFilter().doFilter(request, response, failing);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }
}
