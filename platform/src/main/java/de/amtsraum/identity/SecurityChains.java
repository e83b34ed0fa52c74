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

    /**
     * No powerful browser feature is used by any page today. The video room (issue 6) will allow
     * {@code camera=(self) microphone=(self)} on its own pages only.
     */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), display-capture=(), "
            + "fullscreen=(), payment=(), usb=(), serial=(), hid=(), midi=(), accelerometer=(), "
            + "gyroscope=(), magnetometer=(), screen-wake-lock=(), publickey-credentials-get=(), browsing-topics=()";

    private SecurityChains() {
    }

    /**
     * Strict CSP without inline code, no referrer, no framing, nosniff, same-origin opener, no
     * powerful browser features (Permissions-Policy), HSTS on every response (browsers ignore it on
     * plain HTTP; behind a proxy whose forwarded headers are not trusted it still reaches them).
     */
    public static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(org.springframework.security.config.Customizer.withDefaults())
                .crossOriginOpenerPolicy(coop -> coop.policy(
                        org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter
                                .CrossOriginOpenerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter(
                        "Permissions-Policy", PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)
                        .requestMatcher(org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE));
    }
}
