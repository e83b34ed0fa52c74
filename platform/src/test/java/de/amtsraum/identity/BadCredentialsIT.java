package de.amtsraum.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.amtsraum.support.Api;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad credentials get 401/403 problem+json (API) or a German page (sign-in), never a 500: oversized
 * and malformed tokens, forged signatures, unsigned tokens, expired tokens, tokens of another
 * issuer's key, and oversized sign-in input.
 */
@PlatformTest
class BadCredentialsIT {

    static final String STAFF_PATH = "/api/v1/tenants/heilbronn/appointments?date=2027-01-04";

    @LocalServerPort
    int port;
    @Autowired
    JWKSource<SecurityContext> signingKeys;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private void refused(String token, String why) {
        Api.Response response = api.get(STAFF_PATH, token);
        assertThat(response.status()).as(why).isEqualTo(401);
        assertThat(response.contentType()).as(why).startsWith("application/problem+json");
        assertThat(response.body()).as(why).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static JWTClaimsSet claims(Instant expires) {
        return new JWTClaimsSet.Builder().subject("heilbronn-dev").claim(TokenClaims.TENANT, "heilbronn")
                .claim(TokenClaims.ROLES, List.of("STAFF")).issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires)).issuer("http://localhost:" + 1).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void malformedForgedExpiredAndForeignTokensAreRefused() throws Exception {
        refused("x".repeat(6_000), "oversized");
        refused("abc.def.ghi", "malformed");
        refused("ünïcode-token", "not base64");

        RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
        refused(sign(foreign, claims(Instant.now().plusSeconds(600))), "another issuer's key");

        RSAKey ours = (RSAKey) signingKeys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).getFirst();
        assertThat(api.get(STAFF_PATH, sign(ours, claims(Instant.now().plusSeconds(600)))).status())
                .as("the same claims signed with the issuer's key pass (the test can fail)").isEqualTo(200);
        refused(sign(ours, claims(Instant.now().minusSeconds(3_600))), "expired an hour ago");

        String[] valid = sign(ours, claims(Instant.now().plusSeconds(600))).split("\\.");
        String tampered = valid[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(Instant.now().plusSeconds(600)).toString().replace("heilbronn", "leer").getBytes()) + "." + valid[2];
        refused(tampered, "payload changed after signing");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + valid[1] + ".";
        refused(unsigned, "alg none");

        Api.Response basic = api.get(STAFF_PATH, null);
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void oversizedOrMalformedSignInInputGetsAGermanPage() {
        PageClient browser = new PageClient(port);
        var page = browser.get("/idp/login");
        var refused = browser.post("/idp/login", PageClient.csrf(page.body()),
                Map.of("username", "u".repeat(5_000), "password", "p".repeat(5_000)));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Anmeldung für Mitarbeitende").doesNotContain("Exception");
        var noCode = browser.post("/idp/totp", PageClient.csrf(page.body()), Map.of("code", "x".repeat(500)));
        assertThat(noCode.statusCode()).as("no pending sign-in: back to the form").isEqualTo(200);
        assertThat(noCode.uri().getPath()).isEqualTo("/idp/login");
    }
}
