/** Who may pass: bearer-token authentication, the route-level role table, CORS, and 401/403 as problems. */
package io.fupin.gateway.security;
