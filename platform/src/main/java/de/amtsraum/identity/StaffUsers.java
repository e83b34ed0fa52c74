package de.amtsraum.identity;

import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The embedded issuer's demo staff, derived per tenant (local use only, like the development
 * clients): {@code <tenant>.sachbearbeitung} (staff) and {@code <tenant>.verwaltung} (staff and
 * tenant admin), password {@code amtsraum.security.dev-user-password}, and where the tenant
 * requires two factors ({@code identity.twoFactorForStaff}) the TOTP secret
 * {@code amtsraum.security.dev-totp-secret}; and the demo operator {@code betrieb.operator} (role
 * OPERATOR, same password, always with the TOTP secret) of the platform issuer {@code /idp/betrieb}.
 */
final class StaffUsers {

    static final String STAFF_SUFFIX = ".sachbearbeitung";
    static final String ADMIN_SUFFIX = ".verwaltung";
    /** The embedded issuer's demo operator: {@code betrieb.operator}, role OPERATOR, always with TOTP. */
    static final String OPERATOR_USER = OperatorLoginConfiguration.REGISTRATION + ".operator";

    /** A demo user: who, for which tenant, with which roles and second factor. */
    record StaffUser(String username, String tenantId, List<Role> roles, String totpSecret) {

        boolean needsSecondFactor() {
            return totpSecret != null;
        }

        /** The platform operator, signed in at the platform issuer, not at a tenant's. */
        boolean operator() {
            return roles.contains(Role.OPERATOR);
        }
    }

    private final TenantDirectory tenants;
    private final IdentityProperties properties;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final String encodedPassword;

    StaffUsers(TenantDirectory tenants, IdentityProperties properties) {
        this.tenants = tenants;
        this.properties = properties;
        this.encodedPassword = encoder.encode(properties.devUserPassword());
    }

    Optional<StaffUser> find(String username) {
        if (username == null || username.length() > 100) {
            return Optional.empty();
        }
        if (OPERATOR_USER.equals(username)) {
            return Optional.of(new StaffUser(username, OperatorLoginConfiguration.REGISTRATION, List.of(Role.OPERATOR),
                    properties.devTotpSecret()));
        }
        for (String suffix : List.of(STAFF_SUFFIX, ADMIN_SUFFIX)) {
            if (username.endsWith(suffix)) {
                String tenant = username.substring(0, username.length() - suffix.length());
                Optional<TenantManifest> manifest = tenants.manifest(tenant);
                if (manifest.isEmpty()) {
                    return Optional.empty();
                }
                boolean twoFactor = manifest.get().staffTwoFactorRequired();
                List<Role> roles = suffix.equals(ADMIN_SUFFIX) ? List.of(Role.STAFF, Role.TENANT_ADMIN)
                        : List.of(Role.STAFF);
                return Optional.of(new StaffUser(username, tenant, roles,
                        twoFactor ? properties.devTotpSecret() : null));
            }
        }
        return Optional.empty();
    }

    /** The user when the password is right (checked even for unknown users, against timing probes). */
    Optional<StaffUser> authenticate(String username, String password) {
        Optional<StaffUser> user = find(username);
        boolean matches = password != null && password.length() <= 200 && encoder.matches(password, encodedPassword);
        return matches ? user : Optional.empty();
    }
}
