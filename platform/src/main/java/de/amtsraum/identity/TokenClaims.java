package de.amtsraum.identity;

/** Claim names Amtsraum reads from access tokens (embedded issuer, or a mapped external IdP). */
public final class TokenClaims {

    /** The tenant the token belongs to; absent for operator tokens. */
    public static final String TENANT = "tenant";
    /** List of {@link Role} names. */
    public static final String ROLES = "roles";

    private TokenClaims() {
    }
}
