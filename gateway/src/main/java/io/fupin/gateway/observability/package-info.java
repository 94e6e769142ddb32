/** One access-log line per request, with the trace id that ties it to the services' logs. */
package io.fupin.gateway.observability;
