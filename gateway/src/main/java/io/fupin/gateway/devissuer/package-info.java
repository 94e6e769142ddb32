/**
 * The development token issuer: demo users from configuration, RS256 tokens, a JWKS. Only for local runs
 * and tests ({@code fupin.gateway.dev-issuer.enabled}); production trusts a real OIDC issuer instead.
 */
package io.fupin.gateway.devissuer;
