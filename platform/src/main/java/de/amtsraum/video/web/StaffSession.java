package de.amtsraum.video.web;

import de.amtsraum.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/** Whether the current session is staff (or tenant admin) signed in at this tenant's staff pages. */
final class StaffSession {

    private StaffSession() {
    }

    static boolean isStaffOf(String tenant) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof OAuth2AuthenticationToken token
                && token.getAuthorizedClientRegistrationId().equals(tenant)
                && token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.STAFF.authority())
                        || a.getAuthority().equals(Role.TENANT_ADMIN.authority()));
    }
}
