package de.amtsraum.admin.internal;

import de.amtsraum.identity.Role;
import de.amtsraum.identity.SecurityChains;
import de.amtsraum.shared.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The admin console {@code /{tenant}/verwaltung/**}: only a tenant admin (role TENANT_ADMIN) signed
 * in at that very tenant's issuer. Signing in is the staff pages' OIDC login (identity): this chain
 * sends a stranger there and reads the same session. Plain staff and admins of other tenants get a
 * German (or English) 403 page. Session cookie and CSRF as on every page.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    @Bean
    @Order(SecurityChains.ADMIN_PAGES)
    SecurityFilterChain adminPageSecurity(HttpSecurity http, SpringTemplateEngine templates) throws Exception {
        http
                .securityMatcher("/*/verwaltung", "/*/verwaltung/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().access(
                        (authentication, context) -> new AuthorizationDecision(isAdminOfPathTenant(authentication.get(), context))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> {
                            new HttpSessionRequestCache().saveRequest(request, response);
                            response.sendRedirect("/oauth2/authorization/" + tenantOf(request));
                        })
                        .accessDeniedHandler((request, response, denied) -> {
                            if (denied instanceof CsrfException) {
                                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                            } else {
                                forbidden(templates, request, response);
                            }
                        }))
                .logout(logout -> logout
                        .logoutRequestMatcher(new AntPathRequestMatcher("/*/verwaltung/abmelden", HttpMethod.POST.name()))
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.sendRedirect("/" + tenantOf(request) + "/datenschutz")))
                .headers(SecurityChains::strictHeaders);
        return http.build();
    }

    static boolean isAdminOfPathTenant(Authentication authentication, RequestAuthorizationContext context) {
        return authentication instanceof OAuth2AuthenticationToken token
                && token.getAuthorizedClientRegistrationId().equals(tenantOf(context.getRequest()))
                && token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.TENANT_ADMIN.authority()));
    }

    /** The refusal as a page in the visitor's language, rendered here (the request never reaches MVC). */
    private static void forbidden(SpringTemplateEngine templates, HttpServletRequest request,
                                  HttpServletResponse response) throws IOException {
        Object chosen = request.getSession(false) == null ? null
                : request.getSession(false).getAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME);
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH
                : chosen instanceof Locale l ? l : Locale.GERMAN;
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        WebContext context = new WebContext(exchange, locale, Map.of("tenant", tenantOf(request)));
        templates.process("admin/forbidden", context, response.getWriter());
    }

    static String tenantOf(HttpServletRequest request) {
        List<String> segments = UriComponentsBuilder.fromPath(request.getRequestURI()).build().getPathSegments();
        String tenant = segments.isEmpty() ? "" : segments.getFirst();
        return TenantId.isValid(tenant) ? tenant : "unbekannt";
    }
}
