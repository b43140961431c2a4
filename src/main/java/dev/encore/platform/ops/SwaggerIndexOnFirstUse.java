package dev.encore.platform.ops;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springframework.core.io.Resource;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

/**
 * Swagger UI's index transformer, made on the first request for Swagger UI's page.
 *
 * <p>Why: Spring MVC asks springdoc's {@code WebMvcConfigurer} for its resource handlers at start,
 * and that configurer holds the transformer, whose own dependency is springdoc's
 * {@code ObjectMapperProvider}: building it at start built swagger-core's Jackson 2 mappers and
 * springdoc's core configuration (hundreds of classes) for a page few starts ever serve. Defining
 * this bean replaces springdoc's own ({@code @ConditionalOnMissingBean}); the real one does the work.
 */
final class SwaggerIndexOnFirstUse implements SwaggerIndexTransformer {

    private final SingletonSupplier<SwaggerIndexTransformer> transformer;

    SwaggerIndexOnFirstUse(Supplier<SwaggerIndexTransformer> transformer) {
        this.transformer = SingletonSupplier.of(transformer);
    }

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        return transformer.obtain().transform(request, resource, chain);
    }
}
