/** Trusting the caller's identity: the gateway signs it, the services verify it. */
package io.fupin.support.identity;
