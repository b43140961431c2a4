package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;

class OpenApiIT extends IntegrationTest {

    @Test
    void servesAnOpenApi31DocumentWithBearerSchemeAndProblemSchema() {
        HttpResponse<String> response = api.get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = Api.json(response);
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.path("components").path("schemas").path("Problem").path("properties").has("requestId")).isTrue();
        assertThat(doc.path("paths").has("/livez")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/_fixtures/echo")).as("test fixtures stay hidden").isFalse();
    }

    @Test
    void everyOperationHasASummaryAndAProblemAnswer() {
        JsonNode paths = Api.json(api.get("/v3/api-docs")).path("paths");
        assertThat(paths.size()).isGreaterThan(10);
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            assertThat(operation.getValue().path("summary").asString()).as(path.getKey()).isNotBlank();
            assertThat(operation.getValue().path("responses").path("default").path("content")
                    .has("application/problem+json")).as(path.getKey()).isTrue();
        }));
    }

    @Test
    void documentsTheAccountEndpointsWithTheirErrors() {
        JsonNode paths = Api.json(api.get("/v3/api-docs")).path("paths");
        for (String path : new String[] { "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
                "/api/v1/auth/logout", "/api/v1/me", "/api/v1/me/password", "/api/v1/me/sessions",
                "/api/v1/me/sessions/{id}", "/api/v1/me/mfa/totp", "/api/v1/me/mfa/totp/confirm", "/api/v1/admin/users",
                "/api/v1/admin/users/{id}", "/api/v1/admin/audit", "/api/v1/admin/status" }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode login = paths.path("/api/v1/auth/login").path("post").path("responses");
        assertThat(login.path("401").path("description").asString()).contains("mfa-required");
        assertThat(login.path("401").path("content").has("application/problem+json")).isTrue();
        assertThat(login.path("429").isMissingNode()).isFalse();
        for (String[] check : new String[][] { { "/api/v1/me/password", "post" }, { "/api/v1/me", "delete" },
                { "/api/v1/me/mfa/totp/confirm", "post" }, { "/api/v1/me/mfa/totp", "delete" } }) {
            assertThat(paths.path(check[0]).path(check[1]).path("responses").path("429").path("description").asString())
                    .as(check[1] + " " + check[0]).contains("wrong passwords or two-factor codes");
        }
        JsonNode adminPatch = paths.path("/api/v1/admin/users/{id}").path("patch");
        assertThat(adminPatch.path("responses").path("409").path("description").asString()).contains("last-admin");
        assertThat(adminPatch.path("responses").has("403")).isTrue();
        assertThat(adminPatch.path("security").get(0).has("bearer")).isTrue();
        assertThat(paths.path("/api/v1/auth/login").path("post").has("security")).isFalse();
    }

    @Test
    void pagingIsThreeOptionalQueryParameters() {
        JsonNode paths = Api.json(api.get("/v3/api-docs")).path("paths");
        JsonNode tracks = paths.path("/api/v1/tracks").path("get").path("parameters");
        assertThat(parameter(tracks, "page").path("schema").path("type").asString()).isEqualTo("integer");
        assertThat(parameter(tracks, "size").path("schema").path("type").asString()).isEqualTo("integer");
        assertThat(parameter(tracks, "sort").path("schema").path("type").asString()).isEqualTo("array");
        for (String name : new String[] { "page", "size", "sort" }) {
            assertThat(parameter(tracks, name).path("in").asString()).as(name).isEqualTo("query");
            assertThat(parameter(tracks, name).path("required").asBoolean()).as(name).isFalse();
        }
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("parameters").valueStream().forEach(parameter ->
                        assertThat(parameter.path("schema").path("$ref").asString()).as(path.getKey())
                                .doesNotEndWith("/PageQuery"))));
    }

    @Test
    void theVisibilityFilterIsTheLowercaseEnumTheBodiesUse() {
        JsonNode paths = Api.json(api.get("/v3/api-docs")).path("paths");
        for (String path : new String[] { "/api/v1/tracks", "/api/v1/videos", "/api/v1/presentations" }) {
            JsonNode visibility = parameter(paths.path(path).path("get").path("parameters"), "visibility");
            assertThat(visibility.path("schema").path("enum").valueStream().map(JsonNode::asString))
                    .as(path).containsExactly("private", "unlisted", "public");
        }
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        return parameters.valueStream().filter(parameter -> parameter.path("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no parameter " + name + " in " + parameters));
    }

    @Test
    void limitsCountedInCharactersAreDocumentedAsLengths() {
        JsonNode schemas = Api.json(api.get("/v3/api-docs")).path("components").path("schemas");
        JsonNode title = schemas.path("TrackDetails").path("properties").path("title");
        assertThat(title.path("maxLength").asInt()).as(title.toString()).isEqualTo(255);
        assertThat(title.path("minLength").asInt()).isEqualTo(1);
        assertThat(schemas.path("PlaylistRequest").path("properties").path("name").path("maxLength").asInt())
                .isEqualTo(100);
    }

    /**
     * Schemas are named by a type's simple name: two nested records called Entry (the audit trail's and a room
     * queue's) made the audit page a page of queue entries, and so for State and Item. Each has its own name.
     */
    @Test
    void nestedRecordsOfTheSameNameAreDocumentedEachAsItself() {
        JsonNode schemas = Api.json(api.get("/v3/api-docs")).path("components").path("schemas");
        java.util.Map<String, String> properties = java.util.Map.of("AuditEntry", "occurredAt", "RoomQueueEntry", "addedBy",
                "RoomPlayback", "positionMs", "BackgroundJobs", "restarts", "PlaylistItem", "position", "Slide", "thumbWidth");
        properties.forEach((schema, property) -> assertThat(schemas.path(schema).path("properties").has(property))
                .as("%s has %s", schema, property).isTrue());
        assertThat(schemas.has("Entry") || schemas.has("State") || schemas.has("Item")).isFalse();
        JsonNode audit = Api.json(api.get("/v3/api-docs")).path("paths").path("/api/v1/admin/audit").path("get")
                .path("responses").path("200");
        assertThat(audit.toString()).contains("PageResponseAuditEntry");
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> redirect = api.get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isIn(200, 302);
        HttpResponse<String> page = api.get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        // springdoc's index transformer points the page at Encore's description (configUrl wins over the petstore url it keeps)
        HttpResponse<String> initializer = api.get("/swagger-ui/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"");
    }

    @Test
    void servesTheDescriptionAsYamlToo() {
        // springdoc's own YAML writer (swagger-core's Jackson 2), not Spring MVC's YAML converter, which Encore leaves out
        HttpResponse<String> response = api.get("/v3/api-docs.yaml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("openapi: 3.1").contains("/api/v1/tracks:");
    }

    @Test
    void compressesJsonWhenTheClientAcceptsGzip() {
        HttpResponse<String> response = api.send(api.request("/v3/api-docs").header("Accept-Encoding", "gzip"));
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }
}
