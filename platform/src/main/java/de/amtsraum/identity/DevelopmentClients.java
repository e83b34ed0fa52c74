package de.amtsraum.identity;

import de.amtsraum.notification.PublicUrl;
import de.amtsraum.tenancy.TenantDirectory;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The embedded issuer's clients, derived rather than stored: {@code operator-dev} (operator role)
 * and, for every tenant in the directory, {@code <tenant>-dev} (staff and tenant-admin of that tenant
 * only), {@code <tenant>-portal} (the platform's staff sign-in at the tenant's issuer) and
 * {@code <tenant>-fachverfahren} (the tenant's specialist system: role {@code HANDOVER_RECEIVER} only,
 * for redeeming handovers); and {@code betrieb-portal}, the operator console signing operators in at the
 * platform issuer {@code /idp/betrieb}. A tenant onboarded at run time has its clients at once. Local use only,
 * like the embedded issuer itself.
 */
final class DevelopmentClients implements RegisteredClientRepository {

    static final String OPERATOR_CLIENT = "operator-dev";
    private static final String TENANT_SUFFIX = "-dev";

    static final String PORTAL_SUFFIX = "-portal";
    private static final String RECEIVER_SUFFIX = "-fachverfahren";

    private final TenantDirectory tenants;
    private final IdentityProperties properties;
    private final PublicUrl publicUrl;
    private final String encodedSecret;

    DevelopmentClients(TenantDirectory tenants, IdentityProperties properties, PublicUrl publicUrl) {
        this.tenants = tenants;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.encodedSecret = PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .encode(properties.devClientSecret());
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        // Derived clients are not stored; the authorization server only calls this to re-encode a
        // secret, which is already encoded with the current default.
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (OPERATOR_CLIENT.equals(clientId)) {
            return client(clientId);
        }
        if (clientId != null && clientId.endsWith(PORTAL_SUFFIX)) {
            String tenant = clientId.substring(0, clientId.length() - PORTAL_SUFFIX.length());
            return tenants.exists(tenant) || OperatorLoginConfiguration.REGISTRATION.equals(tenant) ? portal(tenant) : null;
        }
        if (receiverTenantOf(clientId).filter(tenants::exists).isPresent()) {
            return client(clientId);
        }
        return tenantOf(clientId).filter(tenants::exists).map(tenant -> client(clientId)).orElse(null);
    }

    /** The claims a development client's tokens carry. */
    static Optional<Map<String, Object>> claimsFor(RegisteredClient client) {
        String clientId = client.getClientId();
        if (OPERATOR_CLIENT.equals(clientId)) {
            return Optional.of(Map.of(TokenClaims.ROLES, List.of(Role.OPERATOR.name())));
        }
        Optional<Map<String, Object>> receiver = receiverTenantOf(clientId).map(tenant -> Map.of(TokenClaims.TENANT,
                tenant, TokenClaims.ROLES, List.of(Role.HANDOVER_RECEIVER.name())));
        if (receiver.isPresent()) {
            return receiver;
        }
        return tenantOf(clientId).map(tenant -> Map.of(TokenClaims.TENANT, tenant,
                TokenClaims.ROLES, List.of(Role.STAFF.name(), Role.TENANT_ADMIN.name())));
    }

    /** The tenant of a {@code <tenant>-fachverfahren} client. */
    private static Optional<String> receiverTenantOf(String clientId) {
        if (clientId == null || !clientId.endsWith(RECEIVER_SUFFIX) || clientId.length() == RECEIVER_SUFFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(clientId.substring(0, clientId.length() - RECEIVER_SUFFIX.length()));
    }

    private static Optional<String> tenantOf(String clientId) {
        if (clientId == null || !clientId.endsWith(TENANT_SUFFIX) || clientId.equals(OPERATOR_CLIENT)) {
            return Optional.empty();
        }
        return Optional.of(clientId.substring(0, clientId.length() - TENANT_SUFFIX.length()));
    }

    /**
     * The staff portal of a tenant: the platform itself signing staff in at the tenant's issuer
     * (authorization code with PKCE, redirect back to {@code /login/oauth2/code/<tenant>}).
     */
    private RegisteredClient portal(String tenant) {
        String clientId = tenant + PORTAL_SUFFIX;
        RegisteredClient.Builder builder = RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build());
        String base = publicUrl.base();
        builder.redirectUri(base + "/login/oauth2/code/" + tenant);
        if (!publicUrl.configured()) {
            builder.redirectUri(base.replace("localhost", "127.0.0.1") + "/login/oauth2/code/" + tenant);
        }
        return builder.build();
    }

    private RegisteredClient client(String clientId) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("api")
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build())
                .build();
    }
}
