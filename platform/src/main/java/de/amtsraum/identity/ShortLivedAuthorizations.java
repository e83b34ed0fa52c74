package de.amtsraum.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The embedded issuer keeps authorization-code flows in memory for ten minutes, just long enough
 * for the code to be exchanged; client-credential authorizations are not kept at all (their tokens
 * are self-contained JWTs). One instance only, like everything of the embedded issuer.
 */
final class ShortLivedAuthorizations implements OAuth2AuthorizationService {

    private final Cache<String, OAuth2Authorization> flows = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();

    @Override
    public void save(OAuth2Authorization authorization) {
        if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(authorization.getAuthorizationGrantType())) {
            flows.put(authorization.getId(), authorization);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        flows.invalidate(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return flows.getIfPresent(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        for (OAuth2Authorization authorization : flows.asMap().values()) {
            if (matches(authorization, token, tokenType)) {
                return authorization;
            }
        }
        return null;
    }

    private static boolean matches(OAuth2Authorization authorization, String token, OAuth2TokenType type) {
        if (type == null || OAuth2TokenType.ACCESS_TOKEN.equals(type) || "code".equals(type.getValue())
                || "state".equals(type.getValue())) {
            if (token.equals(authorization.getAttribute("state"))) {
                return true;
            }
            var code = authorization.getToken(
                    org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode.class);
            if (code != null && token.equals(code.getToken().getTokenValue())) {
                return true;
            }
            var access = authorization.getAccessToken();
            return access != null && token.equals(access.getToken().getTokenValue());
        }
        return false;
    }
}
