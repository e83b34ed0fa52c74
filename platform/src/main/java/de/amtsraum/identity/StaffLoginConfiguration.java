package de.amtsraum.identity;

import de.amtsraum.notification.PublicUrl;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Staff and tenant admins sign in to the staff pages ({@code /<tenant>/mitarbeiter/**}) with OpenID
 * Connect at their tenant's issuer. The ID token must name that very tenant; where the tenant
 * requires two factors it must show {@code otp} in {@code amr}. Session cookie and CSRF as on every
 * page; a signed-in staff member of one tenant is a stranger to every other tenant's pages.
 */
@Configuration(proxyBeanMethods = false)
class StaffLoginConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StaffLoginConfiguration.class);

    static final String STAFF_PAGES = "/{tenant}/mitarbeiter/**";

    @Bean
    ClientRegistrationRepository staffClientRegistrations(TenantDirectory tenants, IdentityProperties properties,
                                                          PublicUrl publicUrl, Environment environment) {
        return new StaffClientRegistrations(tenants, properties, publicUrl, environment);
    }

    @Bean
    @Order(SecurityChains.STAFF_PAGES)
    SecurityFilterChain staffPageSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                          TenantDirectory tenants) throws Exception {
        http
                .securityMatcher("/*/mitarbeiter", "/*/mitarbeiter/**", "/oauth2/authorization/**",
                        "/login/oauth2/code/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/oauth2/authorization/**", "/login/oauth2/code/**").permitAll()
                        // The admin pages /{tenant}/verwaltung/** have their own chain (module admin, ADR 0021).
                        .requestMatchers("/{tenant}/mitarbeiter", STAFF_PAGES).access(new StaffOfTenant()))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce(registrations)))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(staffUsers(tenants)))
                        .failureHandler((request, response, failure) -> {
                            // The OAuth2 error code only (wrong_tenant, second_factor_required, invalid_id_token, …).
                            log.info("Staff sign-in refused for {}: {}", tenantOf(request),
                                    failure instanceof OAuth2AuthenticationException oauth
                                            ? oauth.getError().getErrorCode() : failure.getClass().getSimpleName());
                            response.sendRedirect("/idp/fehler");
                        }))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, failure) -> {
                    // Back to this page after sign-in.
                    new HttpSessionRequestCache().saveRequest(request, response);
                    response.sendRedirect("/oauth2/authorization/" + tenantOf(request));
                }))
                .logout(logout -> logout
                        .logoutRequestMatcher(new AntPathRequestMatcher("/*/mitarbeiter/abmelden", HttpMethod.POST.name()))
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.sendRedirect("/" + tenantOf(request) + "/termin")))
                .headers(SecurityChains::strictHeaders);
        return http.build();
    }

    /** Authorization requests with PKCE (S256), also for this confidential client. */
    static OAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** Checks the ID token: the tenant claim names the registration's tenant; the second factor where required. */
    static OAuth2UserService<OidcUserRequest, OidcUser> staffUsers(TenantDirectory tenants) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            String tenant = request.getClientRegistration().getRegistrationId();
            if (OperatorLoginConfiguration.REGISTRATION.equals(tenant)) {
                return OperatorLoginConfiguration.operator(user);
            }
            if (!tenant.equals(user.getClaimAsString(TokenClaims.TENANT))) {
                throw new OAuth2AuthenticationException(new OAuth2Error("wrong_tenant"));
            }
            boolean twoFactor = tenants.manifest(tenant).map(TenantManifest::staffTwoFactorRequired).orElse(true);
            List<String> amr = user.getClaimAsStringList("amr");
            if (twoFactor && (amr == null || !amr.contains("otp"))) {
                throw new OAuth2AuthenticationException(new OAuth2Error("second_factor_required"));
            }
            List<GrantedAuthority> authorities = new ArrayList<>();
            List<String> roles = user.getClaimAsStringList(TokenClaims.ROLES);
            for (Role role : Role.values()) {
                if (roles != null && roles.contains(role.name()) && role != Role.OPERATOR) {
                    authorities.add(new SimpleGrantedAuthority(role.authority()));
                }
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), "sub");
        };
    }

    /** The tenant in the path: staff or tenant admin signed in at that tenant's registration. */
    static final class StaffOfTenant implements AuthorizationManager<RequestAuthorizationContext> {

        private final List<String> authorities;

        StaffOfTenant() {
            this(Role.STAFF, Role.TENANT_ADMIN);
        }

        StaffOfTenant(Role... roles) {
            this.authorities = java.util.Arrays.stream(roles).map(Role::authority).toList();
        }

        @Override
        public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
            String tenant = tenantOf(context.getRequest());
            boolean allowed = authentication.get() instanceof OAuth2AuthenticationToken token
                    && token.getAuthorizedClientRegistrationId().equals(tenant)
                    && token.getAuthorities().stream().anyMatch(a -> authorities.contains(a.getAuthority()));
            return new AuthorizationDecision(allowed);
        }
    }

    /** The tenant of a staff page ({@code /<tenant>/mitarbeiter…}) or of a sign-in callback ({@code …/code/<tenant>}). */
    static String tenantOf(HttpServletRequest request) {
        List<String> segments = UriComponentsBuilder.fromPath(request.getRequestURI()).build().getPathSegments();
        String tenant = segments.isEmpty() ? ""
                : request.getRequestURI().startsWith("/login/oauth2/code/") ? segments.getLast() : segments.getFirst();
        return de.amtsraum.shared.TenantId.isValid(tenant) ? tenant : "unbekannt";
    }
}
