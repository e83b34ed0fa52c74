package de.amtsraum.identity;

import de.amtsraum.notification.PublicUrl;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * One OIDC client registration per tenant (registration id = tenant id), from the manifest's
 * {@code identity.staffIssuer}: {@code embedded} means the platform's own issuer at
 * {@code /idp/<tenant>} with the development secret; any other value is the issuer URL of the
 * authority's IdP (a Keycloak realm, …), discovered on first use, with client id and secret from
 * {@code amtsraum.security.staff-clients.<tenant>.client-id|client-secret}.
 */
final class StaffClientRegistrations implements ClientRegistrationRepository {

    static final String EMBEDDED = "embedded";

    private final TenantDirectory tenants;
    private final IdentityProperties properties;
    private final PublicUrl publicUrl;
    private final Environment environment;
    private final Map<String, ClientRegistration> external = new ConcurrentHashMap<>();

    StaffClientRegistrations(TenantDirectory tenants, IdentityProperties properties, PublicUrl publicUrl,
                             Environment environment) {
        this.tenants = tenants;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.environment = environment;
    }

    @Override
    public ClientRegistration findByRegistrationId(String tenant) {
        if (OperatorLoginConfiguration.REGISTRATION.equals(tenant)) {
            return operator();
        }
        TenantManifest manifest = tenant == null ? null : tenants.manifest(tenant).orElse(null);
        if (manifest == null) {
            return null;
        }
        String issuer = manifest.identity() == null ? EMBEDDED : manifest.identity().staffIssuer();
        if (issuer == null || EMBEDDED.equals(issuer)) {
            return embedded(tenant);
        }
        String clientId = environment.getProperty("amtsraum.security.staff-clients." + tenant + ".client-id");
        if (clientId == null) {
            return null;
        }
        return external(tenant, issuer, clientId,
                environment.getProperty("amtsraum.security.staff-clients." + tenant + ".client-secret"));
    }

    /**
     * The operator console's registration: the embedded platform issuer {@code /idp/betrieb}, or the
     * operators' own IdP from {@code amtsraum.security.operator-client.issuer|client-id|client-secret}.
     */
    private ClientRegistration operator() {
        String registration = OperatorLoginConfiguration.REGISTRATION;
        String issuer = environment.getProperty("amtsraum.security.operator-client.issuer", EMBEDDED);
        if (EMBEDDED.equals(issuer)) {
            return embedded(registration);
        }
        String clientId = environment.getProperty("amtsraum.security.operator-client.client-id");
        if (clientId == null) {
            return null;
        }
        return external(registration, issuer, clientId,
                environment.getProperty("amtsraum.security.operator-client.client-secret"));
    }

    /** An external IdP's registration, discovered from its issuer on first use. */
    private ClientRegistration external(String registration, String issuer, String clientId, String secret) {
        return external.computeIfAbsent(registration, r -> ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId(r)
                .clientId(clientId)
                .clientSecret(secret)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID)
                .build());
    }

    private ClientRegistration embedded(String tenant) {
        String issuer = publicUrl.base() + "/idp/" + tenant;
        return ClientRegistration.withRegistrationId(tenant)
                .clientId(tenant + DevelopmentClients.PORTAL_SUFFIX)
                .clientSecret(properties.devClientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(issuer + "/oauth2/token")
                .jwkSetUri(issuer + "/oauth2/jwks")
                .issuerUri(issuer)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName("Amtsraum " + tenant)
                .build();
    }
}
