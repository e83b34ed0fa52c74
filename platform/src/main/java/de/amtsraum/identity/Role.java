package de.amtsraum.identity;

/**
 * Roles as they appear in the {@code roles} claim of a token; Spring authorities are {@code ROLE_<name>}.
 * {@code HANDOVER_RECEIVER} is a tenant's specialist system (Fachverfahren): it may only redeem
 * handover references of its tenant, nothing else.
 */
public enum Role {
    CITIZEN, STAFF, TENANT_ADMIN, OPERATOR, HANDOVER_RECEIVER;

    public String authority() {
        return "ROLE_" + name();
    }
}
