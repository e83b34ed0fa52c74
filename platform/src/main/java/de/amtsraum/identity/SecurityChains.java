package de.amtsraum.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The order of the security filter chains and the headers they all send, for chains defined
 * outside this module (the citizen accounts chain). The first chain whose matcher fits a request
 * handles it: the authorization server's endpoints, then the APIs, then the staff pages with their
 * OIDC sign-in ({@code /{tenant}/mitarbeiter/**}), then citizen accounts ({@code /{tenant}/konto/**}),
 * then every other page.
 */
public final class SecurityChains {

    public static final int AUTHORIZATION_SERVER = 1;
    public static final int API = 2;
    public static final int STAFF_PAGES = 4;
    public static final int CITIZEN_ACCOUNTS = 5;
    public static final int PAGES = 10;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityChains() {
    }

    /** Strict CSP without inline code, no referrer, no framing, HSTS (on HTTPS requests). */
    public static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000));
    }
}
