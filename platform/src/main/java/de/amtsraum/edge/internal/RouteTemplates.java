package de.amtsraum.edge.internal;

import de.amtsraum.shared.TenantId;
import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The route of a request as stored: Spring MVC's matched pattern when a controller handled it
 * ({@code /{tenant}/termin/{service}/tag/{date}}), otherwise (404, refused before MVC, non-MVC
 * endpoints) the path with every segment that is not a literal word of some route replaced by
 * {@code {_}} and the tenant segment by {@code {tenant}}. So ids, tokens, dates and whatever a client
 * puts in a path are never stored.
 */
final class RouteTemplates {

    static final int MAX_LENGTH = 300;
    private static final int MAX_SEGMENTS = 16;
    /** Paths served by filters rather than controllers (embedded authorization server, errors). */
    private static final Set<String> EXTRA_WORDS = Set.of("oauth2", "token", "jwks", "introspect", "revoke",
            ".well-known", "openid-configuration", "oauth-authorization-server", "error", "v3", "api-docs");

    private final ListableBeanFactory beans;
    private volatile Set<String> words;

    RouteTemplates(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** The tenant a path names (first segment, or {@code /api/v1/tenants/{t}}), if it is a valid id. */
    static String tenantCandidate(String path) {
        String[] segments = segments(path);
        String candidate = segments.length > 3 && isApiTenantPath(segments) ? segments[3]
                : segments.length > 0 ? segments[0] : null;
        return candidate != null && TenantId.isValid(candidate) ? candidate : null;
    }

    String template(String path, String route) {
        String template = route != null && !route.contains("*") ? route : sanitise(path);
        return template.length() > MAX_LENGTH ? template.substring(0, MAX_LENGTH) : template;
    }

    private String sanitise(String path) {
        Set<String> known = words();
        String[] segments = segments(path);
        boolean api = isApiTenantPath(segments);
        StringJoiner template = new StringJoiner("/", "/", "");
        for (int i = 0; i < segments.length && i < MAX_SEGMENTS; i++) {
            String segment = segments[i];
            int parameters = segment.indexOf(';');
            if (parameters >= 0) {
                segment = segment.substring(0, parameters);
            }
            boolean tenantPosition = api ? i == 3 : i == 0;
            if (tenantPosition && TenantId.isValid(segment) && !known.contains(segment)) {
                template.add("{tenant}");
            } else {
                template.add(known.contains(segment) ? segment : "{_}");
            }
        }
        if (segments.length > MAX_SEGMENTS) {
            template.add("…");
        }
        return template.toString();
    }

    private static boolean isApiTenantPath(String[] segments) {
        return segments.length > 3 && "api".equals(segments[0]) && "v1".equals(segments[1])
                && "tenants".equals(segments[2]);
    }

    private static String[] segments(String path) {
        String trimmed = path == null ? "" : path.replaceAll("^/+", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }

    /** Literal segments of every controller route, collected once. */
    private Set<String> words() {
        Set<String> known = words;
        if (known == null) {
            known = new HashSet<>(EXTRA_WORDS);
            for (RequestMappingInfoHandlerMapping mapping : beans.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                    .values()) {
                for (var info : mapping.getHandlerMethods().keySet()) {
                    for (String pattern : info.getPatternValues()) {
                        for (String segment : segments(pattern)) {
                            if (!segment.contains("{") && !segment.contains("*")) {
                                known.add(segment);
                            }
                        }
                    }
                }
            }
            words = Set.copyOf(known);
        }
        return known;
    }
}
