package dev.encore.platform.web;

import java.util.List;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Text fields take JSON strings only: {@code "title": 42} or {@code "tags": ["a", 7]} are 400
 * {@code malformed-request} naming the field, not the text "42". The other half of the rule, numbers
 * and booleans that take only their own JSON type, is in {@code spring.jackson.*} (application.yaml);
 * Boot has no property for coercion into text.
 * <p>
 * And request bodies are JSON only: Spring MVC registers a YAML converter of its own whenever a YAML
 * library is on the class path (swagger-core brings one), and it read {@code application/yaml}
 * bodies with none of these rules, taking duplicate keys and bodies past {@code encore.http.max-json-body}.
 * Spring's own YAML converter is not even made: it is Jackson 2's (swagger-core's YAML library), and
 * building it built a Jackson 2 mapper on every start's own thread (docs/performance.md); a
 * plain placeholder takes its place and is removed with any other YAML converter.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer textTakesOnlyStrings() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    ServerHttpMessageConvertersCustomizer noYamlBodies() {
        return converters -> converters.withYamlConverter(yamlPlaceholder())
                .configureMessageConvertersList(list -> list.removeIf(converter ->
                        converter.getSupportedMediaTypes().stream().anyMatch(StrictJsonConfiguration::isYaml)));
    }

    private static HttpMessageConverter<?> yamlPlaceholder() {
        StringHttpMessageConverter placeholder = new StringHttpMessageConverter();
        placeholder.setSupportedMediaTypes(List.of(MediaType.APPLICATION_YAML));
        return placeholder;
    }

    private static boolean isYaml(MediaType type) {
        return type.getSubtype().equals("yaml") || type.getSubtype().endsWith("+yaml");
    }
}
