package io.fupin.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the caller's identity sits in a token, so that any OIDC issuer can be used.
 *
 * @param userClaim     the claim naming the user; {@code sub} (stable, unlike a display name) by default
 * @param rolesClaim    dotted path to the roles, {@code roles} for the development issuer,
 *                      {@code realm_access.roles} for Keycloak realm roles
 * @param sellerIdClaim the claim with the seller id a SELLER acts for
 * @param tokenCacheSize how many verified tokens are remembered until their expiry ({@link CachingJwtDecoder});
 *                      10,000 by default, 0 checks every token's signature on every request
 */
@ConfigurationProperties("fupin.gateway.auth")
public record AuthProperties(String userClaim, String rolesClaim, String sellerIdClaim, Integer tokenCacheSize) {

    public AuthProperties {
        tokenCacheSize = tokenCacheSize == null ? CachingJwtDecoder.DEFAULT_MAXIMUM_SIZE : tokenCacheSize;
        if (tokenCacheSize < 0) {
            throw new IllegalArgumentException("fupin.gateway.auth.token-cache-size must not be negative");
        }
        userClaim = userClaim == null || userClaim.isBlank() ? "sub" : userClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        sellerIdClaim = sellerIdClaim == null || sellerIdClaim.isBlank() ? "seller_id" : sellerIdClaim;
    }
}
