/**
 * Which path goes to which service, and how each route is protected: timeouts, body limits, rate limits,
 * circuit breakers with a problem+json fallback, retries of idempotent reads.
 */
package io.fupin.gateway.routing;
