/** RFC 9457 problem+json answers for everything the gateway itself rejects or fails at. */
package io.fupin.gateway.problem;
