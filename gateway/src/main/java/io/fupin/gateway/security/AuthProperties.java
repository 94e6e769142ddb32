package io.fupin.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the caller's identity sits in a token, so that any OIDC issuer can be used.
 *
 * @param userClaim     the claim naming the user; {@code sub} (stable, unlike a display name) by default
 * @param rolesClaim    dotted path to the roles, {@code roles} for the development issuer,
 *                      {@code realm_access.roles} for Keycloak realm roles
 * @param sellerIdClaim the claim with the seller id a SELLER acts for
 */
@ConfigurationProperties("fupin.gateway.auth")
public record AuthProperties(String userClaim, String rolesClaim, String sellerIdClaim) {

    public AuthProperties {
        userClaim = userClaim == null || userClaim.isBlank() ? "sub" : userClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        sellerIdClaim = sellerIdClaim == null || sellerIdClaim.isBlank() ? "seller_id" : sellerIdClaim;
    }
}
