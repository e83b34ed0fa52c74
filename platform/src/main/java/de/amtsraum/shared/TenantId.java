package de.amtsraum.shared;

import java.util.regex.Pattern;

/** The rules for a tenant id, used wherever one arrives from outside (path, manifest, folder). */
public final class TenantId {

    public static final String REGEX = "^[a-z][a-z0-9-]{1,39}$";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private TenantId() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }
}
