package io.fupin.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway forwards at most, refused by {@link RequestLimitsFilter} with problem+json. Netty's own
 * limits ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size}) stay well
 * above these, because what Netty refuses it answers with an empty body.
 *
 * @param maxUriLength   the request target (path and query, as sent) at most; the services' Tomcat takes 8 KB
 *                       for the request line and the headers together, so half of it is left to the headers
 * @param maxHeaderSize  all header lines together at most
 * @param maxHeaderCount header lines at most; Tomcat refuses more than 100
 */
@ConfigurationProperties("fupin.gateway.request-limits")
public record RequestLimitsProperties(DataSize maxUriLength, DataSize maxHeaderSize, Integer maxHeaderCount) {

    public RequestLimitsProperties {
        maxUriLength = maxUriLength == null ? DataSize.ofKilobytes(4) : maxUriLength;
        maxHeaderSize = maxHeaderSize == null ? DataSize.ofKilobytes(16) : maxHeaderSize;
        maxHeaderCount = maxHeaderCount == null ? 100 : maxHeaderCount;
    }
}
