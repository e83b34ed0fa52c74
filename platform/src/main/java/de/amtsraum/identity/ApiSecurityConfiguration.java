package de.amtsraum.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. API chain: public are the tenant list and profiles, bot-check challenges,
 * submitting and withdrawing contact requests, the OpenAPI document and health; LiveKit's webhook
 * passes this chain without a token and is authenticated by its signature in the video module. Operator
 * API: operator role. Handover redemptions: the tenant's specialist system ({@link Role#HANDOVER_RECEIVER}).
 * Everything under a tenant: a token of that very tenant ({@link TenantAccess}).
 * Anything else needs authentication, so a new endpoint is closed until someone opens it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ApiSecurityConfiguration {


    @Bean
    @Order(SecurityChains.API)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http
                .securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenants", "/api/v1/tenants/{tenant}",
                                "/api/v1/tenants/{tenant}/challenge").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenants/{tenant}/contact-requests",
                                "/api/v1/tenants/{tenant}/contact-request-withdrawals").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenants/{tenant}/services",
                                "/api/v1/tenants/{tenant}/services/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenants/{tenant}/appointments",
                                "/api/v1/tenants/{tenant}/appointment-confirmations",
                                "/api/v1/tenants/{tenant}/appointment-lookups",
                                "/api/v1/tenants/{tenant}/appointment-cancellations",
                                "/api/v1/tenants/{tenant}/appointment-reschedulings").permitAll()
                        // LiveKit's webhook carries no bearer token: the video module verifies LiveKit's
                        // signature (JWT with the body's SHA-256, HMAC with the API secret) on the raw body.
                        .requestMatchers(HttpMethod.POST, "/api/v1/livekit/webhook").permitAll()
                        .requestMatchers("/api/v1/operator/**").hasRole(Role.OPERATOR.name())
                        // Prometheus scrape on the application port: the operator only (ADR 0028); scrapers
                        // use the separate management port instead, where the observability module opens it.
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole(Role.OPERATOR.name())
                        // The tenant's specialist system redeems handover references; nobody else does.
                        .requestMatchers("/api/v1/tenants/{tenant}/handovers/**")
                        .access(TenantAccess.withRole(Role.HANDOVER_RECEIVER))
                        .requestMatchers("/api/v1/tenants/{tenant}/manifest", "/api/v1/tenants/{tenant}/privacy-notices",
                                "/api/v1/tenants/{tenant}/privacy-notices/**")
                        .access(TenantAccess.withRole(Role.TENANT_ADMIN))
                        .requestMatchers("/api/v1/tenants/{tenant}/**")
                        .access(TenantAccess.withRole(Role.STAFF, Role.TENANT_ADMIN))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                // Bearer tokens only, no session and no cookie: CSRF cannot apply to these APIs.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityChains::strictHeaders);
        return http.build();
    }

    /**
     * Citizen pages and everything else (static assets, /error): public for now, with CSRF tokens on
     * forms; the session cookie exists only once a form is shown and is the only cookie. Citizen
     * account pages ({@code /{tenant}/konto/**}) have a chain of their own before this one.
     */
    @Bean
    @Order(SecurityChains.PAGES)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .headers(SecurityChains::strictHeaders);
        return http.build();
    }

    static JwtAuthenticationConverter rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
        return converter;
    }

    /** {@code roles: ["STAFF", …]} → {@code ROLE_STAFF}; unknown role names are ignored. */
    static final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {
        @Override
        public Collection<GrantedAuthority> convert(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
            if (roles == null) {
                return List.of();
            }
            return roles.stream()
                    .filter(role -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role)))
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(Role.valueOf(role).authority()))
                    .toList();
        }
    }
}
