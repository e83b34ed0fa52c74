package de.amtsraum.shared;

import java.util.Set;
import java.util.regex.Pattern;

/** The rules for a tenant id, used wherever one arrives from outside (path, manifest, folder). */
public final class TenantId {

    public static final String REGEX = "^[a-z][a-z0-9-]{1,39}$";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private TenantId() {
    }

    /**
     * Words that name platform paths or clients ({@code /api}, {@code /oauth2}, the {@code operator-dev}
     * client) and so cannot be tenant ids, which appear as the first path segment of citizen pages.
     */
    public static final Set<String> RESERVED = Set.of("operator", "api", "actuator", "oauth2", "error", "v3",
            "assets", "static", "webjars", "login", "logout", "admin", "well-known", "idp", "kern", "antibot", "betrieb");

    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches() && !RESERVED.contains(candidate);
    }
}
