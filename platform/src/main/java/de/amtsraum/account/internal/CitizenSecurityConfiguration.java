package de.amtsraum.account.internal;

import de.amtsraum.account.CitizenAccounts;
import de.amtsraum.account.CitizenPrincipal;
import de.amtsraum.identity.Role;
import de.amtsraum.identity.SecurityChains;
import de.amtsraum.shared.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The citizen session: its own filter chain for {@code /{tenant}/konto/**}, after the API chain (so
 * {@code /api/**} can never reach it) and before the general page chain. Form login at
 * {@code POST /{tenant}/konto/anmelden} against the tenant of the path ({@link CitizenLogin}),
 * CSRF on every form, a new session id at login (fixation protection) with a fresh CSRF token,
 * the one session cookie {@code amtsraum_session}, logout by {@code POST /{tenant}/konto/abmelden}.
 * The overview and closure need role CITIZEN of the very tenant in the path. Tenants without
 * accounts are let through to the pages, which answer with the German 404 page. Where the tenant's
 * terms of use changed since the citizen accepted them, {@link TermsGate} sends the citizen to the
 * acceptance page first.
 */
@Configuration(proxyBeanMethods = false)
class CitizenSecurityConfiguration {

    static final String PUBLIC_PAGES = "/{tenant}/konto/{page:registrieren|registriert|anmelden|passwort-vergessen"
            + "|passwort-vergessen-gesendet|passwort-neu|bestaetigen}";
    /** Pages a signed-in citizen reaches without having accepted the current terms of use. */
    static final String TERMS_EXEMPT = "/{tenant}/konto/{page:nutzungsbedingungen-akzeptieren|abmelden|schliessen}";

    @Bean
    @Order(SecurityChains.CITIZEN_ACCOUNTS)
    SecurityFilterChain citizenAccountSecurity(HttpSecurity http, CitizenLogin login, CitizenAccounts accounts)
            throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

        UsernamePasswordAuthenticationFilter form = new UsernamePasswordAuthenticationFilter(new ProviderManager(login));
        form.setRequiresAuthenticationRequestMatcher(paths.matcher(HttpMethod.POST, "/{tenant}/konto/anmelden"));
        form.setAuthenticationDetailsSource(request -> new CitizenLogin.Details(tenantOf(request),
                request.getRemoteAddr(), request.getHeader("User-Agent")));
        form.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        form.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens))));
        form.setAuthenticationSuccessHandler((request, response, authentication) ->
                redirect(request, response, "/konto"));
        form.setAuthenticationFailureHandler(CitizenSecurityConfiguration::loginFailed);

        http
                .securityMatcher(paths.matcher("/{tenant}/konto/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(PUBLIC_PAGES)).permitAll()
                        .anyRequest().access(citizenOfPathTenant(accounts)))
                .addFilterAt(form, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new TermsGate(accounts, paths.matcher(TERMS_EXEMPT)), AuthorizationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .logout(logout -> logout
                        .logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/{tenant}/konto/abmelden"))
                        .logoutSuccessHandler((request, response, authentication) ->
                                redirect(request, response, "/konto/anmelden?abgemeldet"))
                        .invalidateHttpSession(true)
                        .clearAuthentication(true))
                .sessionManagement(session -> session
                        .sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> toLogin(request, response))
                        .accessDeniedHandler((request, response, denied) -> {
                            if (denied instanceof CsrfException) {
                                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                            } else {
                                toLogin(request, response);
                            }
                        }))
                .requestCache(cache -> cache.disable())
                .headers(SecurityChains::strictHeaders);
        return http.build();
    }

    /** Allowed: a citizen of the path's tenant; or anyone where the tenant has no accounts (the page says 404). */
    private static AuthorizationManager<RequestAuthorizationContext> citizenOfPathTenant(CitizenAccounts accounts) {
        return new AuthorizationManager<>() {
            @Override
            @SuppressWarnings("deprecation")
            public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
                String tenant = tenantOf(context.getRequest());
                if (!accounts.offeredBy(tenant)) {
                    return new AuthorizationDecision(true);
                }
                Authentication who = authentication.get();
                boolean citizen = who != null && who.isAuthenticated()
                        && who.getPrincipal() instanceof CitizenPrincipal principal
                        && principal.tenantId().equals(tenant)
                        && who.getAuthorities().stream().anyMatch(a -> Role.CITIZEN.authority().equals(a.getAuthority()));
                return new AuthorizationDecision(citizen);
            }
        };
    }

    private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
                                    AuthenticationException failure) throws IOException {
        String code = failure instanceof LockedException ? "gesperrt"
                : failure instanceof DisabledException ? "unbestaetigt" : "falsch";
        redirect(request, response, "/konto/anmelden?fehler=" + code);
    }

    private static void toLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        redirect(request, response, "/konto/anmelden");
    }

    /** To a page of the path's tenant; a path segment that is no valid tenant id gets a 404 instead. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String page)
            throws IOException {
        String tenant = tenantOf(request);
        if (!TenantId.isValid(tenant)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/" + tenant + page);
    }

    /** The first path segment; the chain's matcher guarantees the shape {@code /{tenant}/konto/…}. */
    static String tenantOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] segments = path.split("/", 3);
        return segments.length > 1 ? segments[1] : "";
    }

}
