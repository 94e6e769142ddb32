package io.fupin.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Lets {@code spring.cloud.discovery.client.simple.instances.<service>} be a plain comma-separated list of
 * URLs ({@code CATALOG_URL=http://a:8081,http://b:8081}): the binder splits the list, this makes each URL an
 * instance for the load balancer.
 */
@Component
@ConfigurationPropertiesBinding
class InstanceUrlConverter implements Converter<String, InstanceProperties> {

    @Override
    public InstanceProperties convert(String source) {
        URI uri = URI.create(source.trim());
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("A service instance is an http(s) URL with a host, not " + source);
        }
        if (uri.getPort() == -1) {
            uri = URI.create(uri.getScheme() + "://" + uri.getHost() + ("https".equals(uri.getScheme()) ? ":443" : ":80"));
        }
        InstanceProperties instance = new InstanceProperties();
        instance.setUri(uri);
        return instance;
    }
}
