/**
 * Signing in: a login form checked against the gateway's token endpoint (the local issuer) or, when an OIDC
 * issuer is configured, the authorization-code login. The token stays in the server session.
 */
package io.fupin.web.security;
