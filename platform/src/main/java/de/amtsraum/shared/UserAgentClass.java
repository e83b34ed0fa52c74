package de.amtsraum.shared;

import java.util.Locale;

/**
 * Browser and operating system as coarse classes, the only part of a User-Agent header that edge
 * data keeps (contact submissions, login attempts): enough for abuse handling and statistics, far
 * less identifying than the full string.
 */
public record UserAgentClass(String browser, String operatingSystem) {

    public static UserAgentClass of(String userAgent) {
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
