package de.amtsraum.observability.internal;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the trace id of the request (the one of an inbound W3C {@code traceparent}, or a new one) in
 * the {@value #HEADER} response header, so a citizen or a client can quote it and support finds the
 * log lines ({@code traceId} field). Runs right after Spring's observation filter, which opens the
 * request's span; the header is set before the rest of the chain, so every response carries it,
 * error and problem responses included. The id is random, never derived from the request.
 */
class TraceIdHeader extends OncePerRequestFilter {

    static final String HEADER = "X-Trace-Id";

    private final ObjectProvider<Tracer> tracer;

    TraceIdHeader(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span != null && !response.isCommitted()) {
            response.setHeader(HEADER, span.context().traceId());
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
