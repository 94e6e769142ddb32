package io.fupin.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.support.DefaultConversionService;

class InstanceUrlConverterTests {

    private final InstanceUrlConverter converter = new InstanceUrlConverter();

    @Test
    void makesAnInstanceOfAUrl() {
        InstanceProperties instance = converter.convert(" http://10.0.0.5:8081 ");
        assertThat(instance.getHost()).isEqualTo("10.0.0.5");
        assertThat(instance.getPort()).isEqualTo(8081);
        assertThat(instance.isSecure()).isFalse();
    }

    @Test
    void fillsInTheSchemesDefaultPort() {
        assertThat(converter.convert("https://catalog.internal").getPort()).isEqualTo(443);
        assertThat(converter.convert("http://catalog.internal").getPort()).isEqualTo(80);
        assertThat(converter.convert("https://catalog.internal").isSecure()).isTrue();
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> converter.convert("catalog:8081"));
        assertThatIllegalArgumentException().isThrownBy(() -> converter.convert("ftp://catalog:21"));
    }

    @Test
    void turnsACommaSeparatedListIntoSeveralInstances() {
        DefaultConversionService conversions = new DefaultConversionService();
        conversions.addConverter(converter);
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(
                Map.of("instances.catalog-service", "http://a:8081,http://b:8081"))), null, conversions);

        ResolvableType type = ResolvableType.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class),
                ResolvableType.forClassWithGenerics(List.class, InstanceProperties.class));
        Map<String, List<InstanceProperties>> instances =
                binder.bind("instances", Bindable.<Map<String, List<InstanceProperties>>>of(type)).get();

        assertThat(instances.get("catalog-service")).extracting(InstanceProperties::getHost).containsExactly("a", "b");
    }
}
