package de.amtsraum.identity;

/** Roles as they appear in the {@code roles} claim of a token; Spring authorities are {@code ROLE_<name>}. */
public enum Role {
    CITIZEN, STAFF, TENANT_ADMIN, OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
