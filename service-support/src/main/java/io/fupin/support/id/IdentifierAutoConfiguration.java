package io.fupin.support.id;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;

/**
 * Every {@link Identifier} of the service, with nothing registered per id type: Spring MVC parses it from path
 * variables, parameters and headers, Spring's JSON mapper reads it as a map key. (JSON values need nothing; Spring
 * Data JDBC's conversions are {@code io.fupin.support.jdbc}'s.)
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class IdentifierAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JacksonModule.class)
    static class Json {

        @Bean
        IdentifierModule identifierModule() {
            return new IdentifierModule();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static class WebMvc {

        @Bean
        WebMvcConfigurer identifierConversions() {
            return new WebMvcConfigurer() {
                @Override
                public void addFormatters(FormatterRegistry registry) {
                    registry.addConverterFactory(IdentifierConversions.FromString.INSTANCE);
                    registry.addConverter(IdentifierConversions.ToString.INSTANCE);
                }
            };
        }
    }
}
