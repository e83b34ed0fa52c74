package de.amtsraum.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import de.amtsraum.tenancy.TenantDirectory;
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
 * tokens at {@code POST /oauth2/token} to {@code operator-dev} and to {@code <tenant>-dev} per tenant.
 * The signing key lives in memory: tokens end with the process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()")
class EmbeddedAuthorizationServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuthorizationServer.class);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .headers(ApiSecurityConfiguration::strictHeaders);
        return http.build();
    }

    @Bean
    RegisteredClientRepository developmentClients(TenantDirectory tenants, IdentityProperties properties) {
        return new DevelopmentClients(tenants, properties);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenantAndRoleClaims() {
        return context -> DevelopmentClients.claimsFor(context.getRegisteredClient())
                .ifPresent(claims -> context.getClaims().claims(all -> all.putAll(claims)));
    }

    @Bean
    OAuth2AuthorizationService statelessAuthorizations() {
        return new NoStoredAuthorizations();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
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
        log.warn("EMBEDDED AUTHORIZATION SERVER ACTIVE - for local use only. Clients operator-dev and <tenant>-dev "
                + "get tokens at POST /oauth2/token (client credentials){}. Configure "
                + "spring.security.oauth2.resourceserver.jwt.issuer-uri for production.",
                "dev".equals(properties.devClientSecret()) ? " with the DEFAULT SECRET 'dev'" : "");
    }
}
