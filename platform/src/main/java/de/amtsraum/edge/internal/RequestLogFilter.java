package de.amtsraum.edge.internal;

import de.amtsraum.shared.AnonymisedIp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records one request: what it asked for, how it ended and how long it took. Runs before Spring
 * Security (so refusals are recorded too) and after Spring's forwarded-header handling. On the
 * request thread it only anonymises the address, classifies the user agent and queues the record;
 * the route template, the tenant and the write happen in {@link RequestLogWriter}. The query string
 * is never read.
 */
final class RequestLogFilter extends OncePerRequestFilter {

    /** Static assets and probes: not citizen pages or API calls. */
    private static final Set<String> ASSET_PREFIXES = Set.of("/kern/", "/antibot/", "/actuator/", "/webjars/");
    private static final Set<String> ASSET_PATHS = Set.of("/site.css", "/favicon.ico", "/robots.txt");

    private final RequestLogBuffer buffer;
    private final Clock clock;

    RequestLogFilter(RequestLogBuffer buffer, Clock clock) {
        this.buffer = buffer;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        return ASSET_PATHS.contains(path) || path.endsWith("/theme.css")
                || ASSET_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant at = clock.instant();
        long started = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            UserAgentFamily agent = UserAgentFamily.of(request.getHeader("User-Agent"));
            buffer.offer(new RequestLogBuffer.Entry(at, request.getMethod(), pathOf(request),
                    pattern instanceof String route ? route : null, status,
                    (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000),
                    AnonymisedIp.of(request.getRemoteAddr()), agent.browser(), agent.os()));
        }
    }

    /** The path without context path and without query string ({@code getRequestURI} never has one). */
    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
