/** The caller's identity as the services receive it: stripped from the client's request, signed by the gateway. */
package io.fupin.gateway.identity;
