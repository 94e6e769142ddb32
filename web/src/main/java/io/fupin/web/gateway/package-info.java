/**
 * Calls to the API through the gateway, with the signed-in user's token (kept in the server session, never sent
 * to the browser), a circuit breaker per service and problem+json answers turned into exceptions.
 */
package io.fupin.web.gateway;
