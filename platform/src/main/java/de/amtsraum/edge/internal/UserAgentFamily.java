package de.amtsraum.edge.internal;

import java.util.Locale;

/** Browser and operating system family of a User-Agent header; the header itself is never kept. */
record UserAgentFamily(String browser, String os) {

    static UserAgentFamily of(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        if (ua.isBlank()) {
            return new UserAgentFamily("unknown", "unknown");
        }
        String browser = ua.contains("bot") || ua.contains("crawler") || ua.contains("spider") ? "bot"
                : ua.contains("edg/") ? "Edge"
                : ua.contains("opr/") ? "Opera"
                : ua.contains("firefox/") ? "Firefox"
                : ua.contains("chrome/") || ua.contains("chromium/") ? "Chrome"
                : ua.contains("safari/") ? "Safari"
                : "other";
        String os = ua.contains("android") ? "Android"
                : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows"
                : ua.contains("mac os") || ua.contains("macintosh") ? "macOS"
                : ua.contains("linux") || ua.contains("x11") ? "Linux"
                : "other";
        return new UserAgentFamily(browser, os);
    }
}
