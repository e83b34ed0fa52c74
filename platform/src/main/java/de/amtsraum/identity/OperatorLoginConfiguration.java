package de.amtsraum.identity;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Operators sign in to the operator console ({@code /betrieb/**}) with OpenID Connect, code flow with
 * PKCE, like staff: at the platform issuer {@code /idp/betrieb} of the embedded authorization server
 * (demo user {@code betrieb.operator}, local use only) or at the operators' own IdP
 * ({@code amtsraum.security.operator-client.*}). The ID token must carry the role OPERATOR, no tenant,
 * and a second factor ({@code otp} in {@code amr}) — always, for operators. The sign-in callback
 * ({@code /login/oauth2/code/betrieb}) is served by the staff chain, which owns the OAuth2 client.
 */
@Configuration(proxyBeanMethods = false)
class OperatorLoginConfiguration {

    /** Registration id, embedded issuer path segment and client prefix of the operator sign-in. */
    static final String REGISTRATION = "betrieb";

    @Bean
    @Order(SecurityChains.OPERATOR_PAGES)
    SecurityFilterChain operatorPageSecurity(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/betrieb", "/betrieb/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new SignedInOperator()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> {
                            new HttpSessionRequestCache().saveRequest(request, response);
                            response.sendRedirect("/oauth2/authorization/" + REGISTRATION);
                        })
                        // Signed in, but not as operator (a tenant's staff): the sign-in refusal page.
                        .accessDeniedHandler((request, response, denied) -> response.sendRedirect("/idp/fehler")))
                .logout(logout -> logout
                        .logoutRequestMatcher(new AntPathRequestMatcher("/betrieb/abmelden", HttpMethod.POST.name()))
                        .logoutSuccessHandler((request, response, authentication) -> response.sendRedirect("/betrieb")))
                .headers(SecurityChains::strictHeaders);
        return http.build();
    }

    /** The operator's ID token checked: role OPERATOR, no tenant, second factor. Authority: ROLE_OPERATOR only. */
    static OidcUser operator(OidcUser user) {
        List<String> roles = user.getClaimAsStringList(TokenClaims.ROLES);
        if (roles == null || !roles.contains(Role.OPERATOR.name()) || user.getClaimAsString(TokenClaims.TENANT) != null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("not_an_operator"));
        }
        List<String> amr = user.getClaimAsStringList("amr");
        if (amr == null || !amr.contains("otp")) {
            throw new OAuth2AuthenticationException(new OAuth2Error("second_factor_required"));
        }
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority())), user.getIdToken(), "sub");
    }

    /** Signed in at the operator registration with the operator role. */
    static final class SignedInOperator implements AuthorizationManager<RequestAuthorizationContext> {
        @Override
        public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
            boolean allowed = authentication.get() instanceof OAuth2AuthenticationToken token
                    && token.getAuthorizedClientRegistrationId().equals(REGISTRATION)
                    && token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.OPERATOR.authority()));
            return new AuthorizationDecision(allowed);
        }
    }
}
