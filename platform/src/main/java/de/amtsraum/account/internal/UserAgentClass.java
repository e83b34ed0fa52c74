package de.amtsraum.account.internal;

import java.util.Locale;

/**
 * Browser and operating system family of a User-Agent header, the only part of it a login attempt
 * keeps. Same classes as the contact module's submissions (kept apart so the two modules stay
 * independent; a shared home is noted as debt).
 */
record UserAgentClass(String browser, String operatingSystem) {

    static UserAgentClass of(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge"
                : ua.contains("firefox/") ? "Firefox"
                : ua.contains("chrome/") || ua.contains("chromium/") ? "Chrome"
                : ua.contains("safari/") ? "Safari"
                : ua.isBlank() ? "unbekannt" : "anderer";
        String system = ua.contains("android") ? "Android"
                : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows"
                : ua.contains("mac os") || ua.contains("macintosh") ? "macOS"
                : ua.contains("linux") ? "Linux"
                : ua.isBlank() ? "unbekannt" : "anderes";
        return new UserAgentClass(browser, system);
    }
}
