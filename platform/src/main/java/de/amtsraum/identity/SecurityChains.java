package de.amtsraum.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The order of the security filter chains and the headers they all send, for chains defined
 * outside this module (the citizen accounts chain). The first chain whose matcher fits a request
 * handles it: the authorization server's endpoints, then the APIs, then the staff pages with their
 * OIDC sign-in ({@code /{tenant}/mitarbeiter/**}; before them the operator console {@code /betrieb/**}), then citizen accounts ({@code /{tenant}/konto/**}),
 * then every other page.
 */
public final class SecurityChains {

    public static final int AUTHORIZATION_SERVER = 1;
    public static final int API = 2;
    /** The admin console {@code /{tenant}/verwaltung/**} (module admin): before the staff chain; signs in through its OIDC login. */
    public static final int ADMIN_PAGES = 3;
    public static final int STAFF_PAGES = 4;
    public static final int CITIZEN_ACCOUNTS = 5;
    /** The operator console {@code /betrieb/**}; {@code betrieb} is a reserved tenant id, so no tenant chain matches it. */
    public static final int OPERATOR_PAGES = 6;
    public static final int PAGES = 10;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * No powerful browser feature is used by any page but the video room, which allows
     * {@code camera=(self) microphone=(self)} on its own pages only ({@link #allowVideoRoom}).
     */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), display-capture=(), "
            + "fullscreen=(), payment=(), usb=(), serial=(), hid=(), midi=(), accelerometer=(), "
            + "gyroscope=(), magnetometer=(), screen-wake-lock=(), publickey-credentials-get=(), browsing-topics=()";

    static final String VIDEO_ROOM_PERMISSIONS_POLICY = PERMISSIONS_POLICY
            .replace("camera=()", "camera=(self)").replace("microphone=()", "microphone=(self)");

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

    /**
     * The headers of a page that contains the video room, set by its controller before the response
     * is committed (the strict header writers then leave them alone): the strict policy plus what
     * the room needs and nothing more: the LiveKit server's signalling origin for {@code connect-src}
     * (WebSocket and, for the SDK's {@code /rtc/validate} after a failed join, HTTP), the E2EE worker
     * from this origin ({@code worker-src 'self'}, no {@code blob:}), and camera and microphone for
     * this origin (Permissions-Policy). No {@code media-src} beyond {@code default-src 'self'}: the SDK
     * plays media through {@code srcObject}, which no CSP directive governs (checked in chromium).
     *
     * @param liveKitClientUrl the WebSocket URL browsers use ({@code ws://} or {@code wss://})
     */
    public static void allowVideoRoom(HttpServletResponse response, URI liveKitClientUrl) {
        response.setHeader("Content-Security-Policy", videoRoomPolicy(liveKitClientUrl));
        response.setHeader("Permissions-Policy", VIDEO_ROOM_PERMISSIONS_POLICY);
    }

    static String videoRoomPolicy(URI liveKitClientUrl) {
        String scheme = liveKitClientUrl.getScheme();
        boolean secure = "wss".equals(scheme) || "https".equals(scheme);
        if (!secure && !("ws".equals(scheme) || "http".equals(scheme)) || liveKitClientUrl.getHost() == null) {
            throw new IllegalArgumentException("not a ws(s) URL of a LiveKit server: " + liveKitClientUrl);
        }
        String authority = liveKitClientUrl.getHost() + (liveKitClientUrl.getPort() < 0 ? "" : ":" + liveKitClientUrl.getPort());
        String signalling = (secure ? "wss://" : "ws://") + authority + " " + (secure ? "https://" : "http://") + authority;
        return CONTENT_SECURITY_POLICY.replace("connect-src 'self';", "connect-src 'self' " + signalling + "; "
                + "worker-src 'self';");
    }
}
