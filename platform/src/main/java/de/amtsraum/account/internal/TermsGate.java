package de.amtsraum.account.internal;

import de.amtsraum.account.CitizenAccounts;
import de.amtsraum.account.CitizenPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the citizen chain after authorisation: a signed-in citizen whose accepted terms of use are not
 * the tenant's current ones is sent to the acceptance page from every account page but the
 * acceptance page itself, logout and closure (ending the account must not depend on accepting new
 * terms). Nothing is recorded here; the acceptance page records the new version.
 */
class TermsGate extends OncePerRequestFilter {

    static final String PAGE = "/konto/nutzungsbedingungen-akzeptieren";

    private final CitizenAccounts accounts;
    private final RequestMatcher exempt;

    TermsGate(CitizenAccounts accounts, RequestMatcher exempt) {
        this.accounts = accounts;
        this.exempt = exempt;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.getPrincipal() instanceof CitizenPrincipal principal
                && principal.tenantId().equals(CitizenSecurityConfiguration.tenantOf(request))
                && !exempt.matches(request)
                && accounts.termsToAccept(principal).isPresent()) {
            response.sendRedirect(request.getContextPath() + "/" + principal.tenantId() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
