package de.amtsraum.identity;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Tenant isolation for {@code /api/v1/tenants/{tenant}/**}: the token must belong to the tenant in
 * the path and carry one of the roles. Operators are not let in here: they manage tenants through
 * the operator API, not inside a tenant.
 */
final class TenantAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final String[] authorities;

    private TenantAccess(Role... roles) {
        this.authorities = java.util.Arrays.stream(roles).map(Role::authority).toArray(String[]::new);
    }

    static TenantAccess withRole(Role... roles) {
        return new TenantAccess(roles);
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(allows(authentication.get(), context.getVariables().get("tenant")));
    }

    private boolean allows(Authentication authentication, String pathTenant) {
        if (!(authentication instanceof JwtAuthenticationToken jwt) || pathTenant == null) {
            return false;
        }
        if (!pathTenant.equals(jwt.getToken().getClaimAsString(TokenClaims.TENANT))) {
            return false;
        }
        for (GrantedAuthority granted : jwt.getAuthorities()) {
            for (String authority : authorities) {
                if (authority.equals(granted.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }
}
