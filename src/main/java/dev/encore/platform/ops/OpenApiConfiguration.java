package dev.encore.platform.ops;

import java.lang.annotation.Annotation;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.hibernate.validator.constraints.CodePointLength;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.encore.platform.EncoreProperties;
import dev.encore.platform.Problems;

/**
 * The OpenAPI 3.1 document at {@code /v3/api-docs}: the bearer scheme, the problem schema every
 * error uses, and the probes, which live outside the controllers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    /** springdoc's beans and the ones below are made on the first request for the description. */
    @Bean
    static BeanFactoryPostProcessor apiDescriptionOnFirstUse() {
        return new ApiDescriptionOnFirstUse();
    }

    @Bean
    static ApiDescriptionFirstRequest apiDescriptionFirstRequest(ConfigurableListableBeanFactory factory,
            Environment environment) {
        return new ApiDescriptionFirstRequest(factory,
                List.of(environment.getProperty("springdoc.api-docs.path", "/v3/api-docs"), "/swagger-ui"));
    }

    @Bean
    static SwaggerIndexTransformer swaggerIndexOnFirstUse(ObjectProvider<SwaggerUiConfigProperties> ui,
            ObjectProvider<SwaggerUiOAuthProperties> oauth, ObjectProvider<SwaggerWelcomeCommon> welcome,
            ObjectProvider<ObjectMapperProvider> mappers) {
        return new SwaggerIndexOnFirstUse(() -> new SwaggerIndexPageTransformer(ui.getObject(), oauth.getObject(),
                welcome.getObject(), mappers.getObject()));
    }

    @Bean
    OpenAPI encoreOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Encore API").version("v1")
                        .description("Self-hostable media platform: imports, library, streaming and listening together. "
                                + "Every error is an RFC 9457 problem (application/problem+json) carrying a requestId.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Access token from POST /api/v1/auth/login; valid for 15 minutes.")));
    }

    /**
     * {@code minLength}/{@code maxLength} for text whose limit counts characters
     * ({@link CodePointLength}, as names and titles do): the generator reads only {@code @Size}.
     */
    @Bean
    PropertyCustomizer codePointLengths() {
        return (property, type) -> {
            Annotation[] annotations = type.getCtxAnnotations();
            if (property == null || annotations == null) {
                return property;
            }
            for (Annotation annotation : annotations) {
                if (annotation instanceof CodePointLength length) {
                    if (length.min() > 0) {
                        property.setMinLength(length.min());
                    }
                    if (length.max() < Integer.MAX_VALUE) {
                        property.setMaxLength(length.max());
                    }
                }
            }
            return property;
        };
    }

    /** Adds the probes, the default problem answer and the bearer requirement of /api operations. */
    @Bean
    OpenApiCustomizer encoreOperations(EncoreProperties encore) {
        String problemTypes = encore.publicUrl().toString().replaceAll("/+$", "") + Problems.TYPE_PATH;
        return openApi -> {
            // added here rather than on the bean: springdoc drops component schemas that no
            // controller references before the customizers run
            openApi.getComponents().addSchemas(PROBLEM, problemSchema(problemTypes));
            openApi.path("/livez", probe("Liveness probe",
                    "UP while the process can serve; a failure means it should be restarted."));
            openApi.path("/readyz", probe("Readiness probe",
                    "UP when the database, disk and (distributed) Redis and RabbitMQ are usable; 503 otherwise."));
            openApi.getPaths().forEach((path, item) -> item.readOperations()
                    .forEach(operation -> documentErrors(path, operation)));
        };
    }

    /**
     * Every error answer is a problem: the statuses an operation can produce by the platform's
     * rules are listed here; operation-specific ones come from {@code @ApiResponse} annotations,
     * whose bodies are replaced by the problem schema.
     */
    private static void documentErrors(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemResponse(response.getDescription()).getContent());
            }
        });
        boolean api = path.startsWith("/api/");
        boolean open = path.startsWith("/api/v1/auth/") && !path.equals("/api/v1/auth/logout");
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (api && !open) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            responses.putIfAbsent("401", problemResponse("unauthenticated: missing, invalid, expired or revoked access token"));
        }
        if (api && hasInput) {
            responses.putIfAbsent("400", problemResponse("validation-failed: invalid fields, listed in errors[]"));
        }
        if (path.startsWith("/api/v1/admin/")) {
            responses.putIfAbsent("403", problemResponse("forbidden: admins only"));
        }
        if (path.contains("{id}")) {
            responses.putIfAbsent("404", problemResponse("not-found: no such resource, or not yours"));
        }
        if (api) {
            responses.putIfAbsent("429", problemResponse("rate-limited: see Retry-After and RateLimit-* headers"));
        }
        responses.addApiResponse("default", problemResponse("Other errors (problem details)"));
    }

    private static PathItem probe(String summary, String description) {
        Schema<?> status = new ObjectSchema().addProperty("status", new StringSchema()._enum(List.of("UP", "DOWN")));
        return new PathItem().get(new Operation().summary(summary).description(description).addTagsItem("operations")
                .operationId(summary.toLowerCase().replace(' ', '-'))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("Up")
                                .content(new Content().addMediaType("application/json", new MediaType().schema(status))))
                        .addApiResponse("503", new ApiResponse().description("Down")
                                .content(new Content().addMediaType("application/json", new MediaType().schema(status))))));
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema(String problemTypes) {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example(problemTypes + "validation-failed")
                        .description("A page under " + problemTypes + " that explains the problem; clients "
                                + "branch on its last segment"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("requestId", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("Field errors of a validation problem"))
                .required(List.of("type", "title", "status"));
    }
}
