package de.amtsraum.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.Api;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With an external issuer configured, the platform runs no authorization server of its own and
 * accepts the issuer's tokens. The external issuer here is another platform instance's embedded
 * authorization server, found through its published metadata like any OAuth2 issuer.
 */
class ExternalIssuerIT {

    @Test
    void acceptsTokensOfTheConfiguredIssuerAndIssuesNone() {
        try (PlatformInstance issuer = PlatformInstance.start(Map.of(
                "amtsraum.data-dir", TemporaryDataDirectory.create().toString()))) {
            Api issuerApi = issuer.api();
            String issuerUri = issuerApi.baseUrl();

            try (PlatformInstance platform = PlatformInstance.start(Map.of(
                    "amtsraum.data-dir", TemporaryDataDirectory.create().toString(),
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri))) {
                Api api = platform.api();

                assertThat(platform.context().getBeanNamesForType(EmbeddedAuthorizationServer.class)).isEmpty();
                assertThat(api.tokenResponse("operator-dev", "dev").status()).isNotEqualTo(200);
                assertThat(api.get("/api/v1/operator/tenants", issuerApi.token("operator-dev", "dev")).status())
                        .isEqualTo(200);
                assertThat(api.get("/api/v1/tenants/leer/manifest", issuerApi.token("leer-dev", "dev")).status())
                        .isEqualTo(200);
                assertThat(api.get("/api/v1/tenants/coburg/manifest", issuerApi.token("leer-dev", "dev")).status())
                        .isEqualTo(403);
            }
        }
    }
}
