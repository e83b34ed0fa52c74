package de.amtsraum.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import de.amtsraum.notification.PublicUrl;
import de.amtsraum.tenancy.TenantDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Local issuer for development and tests, active only when no external issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) is configured. Issues client-credential
 * tokens at {@code POST /oauth2/token} to {@code operator-dev}, to {@code <tenant>-dev} per tenant and to
 * {@code <tenant>-fachverfahren} (the tenant's specialist system, handover redemption only),
 * and serves one OpenID Connect issuer per tenant at {@code /idp/<tenant>} for the staff sign-in
 * (authorization code with PKCE, demo users of {@link StaffUsers}, TOTP where the tenant requires two
 * factors). The signing key lives in memory: tokens end with the process; one instance only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()")
class EmbeddedAuthorizationServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuthorizationServer.class);

    @Bean
    @Order(SecurityChains.AUTHORIZATION_SERVER)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // Browsers that are not signed in go to the issuer's sign-in page; the authorization
                // request is kept in the session and resumed after the last factor.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/idp/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .requestCache(cache -> cache.requestCache(IdpLoginController.idpRequests()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .headers(SecurityChains::strictHeaders);
        return http.build();
    }

    @Bean
    RegisteredClientRepository developmentClients(TenantDirectory tenants, IdentityProperties properties,
                                                  PublicUrl publicUrl) {
        return new DevelopmentClients(tenants, properties, publicUrl);
    }

    @Bean
    StaffUsers staffUsers(TenantDirectory tenants, IdentityProperties properties) {
        return new StaffUsers(tenants, properties);
    }

    /**
     * Client-credential tokens carry the development client's tenant and roles; ID and access tokens
     * of a signed-in staff member carry the tenant (only when the issuer is that tenant's), the roles
     * and {@code amr} (pwd, and otp after the second factor).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenantAndRoleClaims(StaffUsers users) {
        return context -> {
            Optional<Map<String, Object>> client = DevelopmentClients.claimsFor(context.getRegisteredClient());
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                client.ifPresent(claims -> context.getClaims().claims(all -> all.putAll(claims)));
                return;
            }
            Authentication principal = context.getPrincipal();
            users.find(principal.getName()).ifPresent(user -> {
                String issuer = context.getAuthorizationServerContext().getIssuer();
                boolean ownIssuer = issuer != null && issuer.endsWith("/idp/" + user.tenantId());
                List<String> amr = principal.getAuthorities().stream()
                        .anyMatch(a -> IdpLoginController.FACTOR_OTP.equals(a.getAuthority()))
                        ? List.of("pwd", "otp") : List.of("pwd");
                context.getClaims().claims(all -> {
                    if (ownIssuer && !user.operator()) {
                        all.put(TokenClaims.TENANT, user.tenantId());
                    }
                    all.put(TokenClaims.ROLES, user.roles().stream().map(Role::name).toList());
                    all.put("amr", amr);
                });
            });
        };
    }

    @Bean
    OAuth2AuthorizationService shortLivedAuthorizations() {
        return new ShortLivedAuthorizations();
    }

    /** One issuer per tenant: {@code <base>/idp/<tenant>} (discovery, authorize, token, JWKs). */
    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().multipleIssuersAllowed(true).build();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn(ApplicationReadyEvent ready) {
        IdentityProperties properties = ready.getApplicationContext().getBean(IdentityProperties.class);
        log.warn("EMBEDDED AUTHORIZATION SERVER ACTIVE - for local use only. Clients operator-dev, <tenant>-dev and "
                + "<tenant>-fachverfahren "
                + "get tokens at POST /oauth2/token (client credentials){}. Configure "
                + "spring.security.oauth2.resourceserver.jwt.issuer-uri for production.",
                "dev".equals(properties.devClientSecret()) ? " with the DEFAULT SECRET 'dev'" : "");
    }
}
