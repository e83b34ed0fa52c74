package de.amtsraum.observability.internal;

import de.amtsraum.identity.SecurityChains;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The management port ({@code management.server.port}, e.g. 9091 in the Helm chart; ADR 0028): the
 * application's security filter also guards it. Only requests to that port reach this chain: health,
 * info and the Prometheus scrape are open there without a token (the port is reachable from the
 * cluster network only, never through the ingress); a bearer token of the operator may be sent to
 * see health details; anything else on that port is refused.
 */
final class ManagementPortSecurity {

    private ManagementPortSecurity() {
    }

    static SecurityFilterChain chain(HttpSecurity http, Environment environment) throws Exception {
        RequestMatcher managementPort = request -> isManagementPort(request, environment);
        http.securityMatcher(managementPort)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityChains::strictHeaders);
        return http.build();
    }

    private static boolean isManagementPort(HttpServletRequest request, Environment environment) {
        Integer configured = environment.getProperty("management.server.port", Integer.class);
        Integer port = configured != null && configured > 0 ? configured
                : environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        return port != null && port > 0 && !port.equals(server) && request.getLocalPort() == port;
    }

    /** {@code roles: ["OPERATOR", …]} → {@code ROLE_OPERATOR}: what the health endpoint's role check reads. */
    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().filter(role -> role.matches("[A-Z_]{1,40}"))
                            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return authorities;
        });
        return converter;
    }
}
