package dev.encore.platform.web;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;

class PaginationIT extends IntegrationTest {

    @Test
    void answersTheSharedCollectionShape() {
        JsonNode page = Api.json(api.get("/api/v1/_fixtures/page?page=1&size=2&sort=name,desc", tokens.user()));
        assertThat(page.path("items").valueStream().map(JsonNode::asString)).containsExactly("c", "b");
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertThat(page.path("totalItems").asLong()).isEqualTo(5);
        assertThat(page.path("totalPages").asInt()).isEqualTo(3);
        assertThat(page.path("hasNext").asBoolean()).isTrue();
        assertThat(page.path("hasPrevious").asBoolean()).isTrue();
    }

    @Test
    void sortsAscendingByDefault() {
        JsonNode page = Api.json(api.get("/api/v1/_fixtures/page?size=2&sort=name", tokens.user()));
        assertThat(page.path("items").valueStream().map(JsonNode::asString)).containsExactly("a", "b");
    }

    @Test
    void refusesPageSizesOverOneHundred() {
        HttpResponse<String> response = api.get("/api/v1/_fixtures/page?size=101", tokens.user());
        JsonNode problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("size");
    }

    @Test
    void refusesNegativePagesAndNonNumbers() {
        assertProblem(api.get("/api/v1/_fixtures/page?page=-1", tokens.user()), 400, "validation-failed");
        HttpResponse<String> response = api.get("/api/v1/_fixtures/page?size=lots", tokens.user());
        JsonNode problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("has an invalid value");
    }

    @Test
    void refusesSortingByUnknownProperties() {
        HttpResponse<String> response = api.get("/api/v1/_fixtures/page?sort=password,asc", tokens.user());
        JsonNode problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("sort");
    }

    @Test
    void readsOneSortValueAsACommaSeparatedListAndABlankOneAsNone() {
        JsonNode spaced = Api.json(api.get("/api/v1/_fixtures/page?size=2&sort=%20name%20,%20desc", tokens.user()));
        assertThat(spaced.path("items").valueStream().map(JsonNode::asString)).containsExactly("e", "d");
        JsonNode blank = Api.json(api.get("/api/v1/_fixtures/page?size=2&sort=&page=", tokens.user()));
        assertThat(blank.path("items").valueStream().map(JsonNode::asString)).containsExactly("a", "b");
    }

    @Test
    void namesBadPagingTogetherWithTheOtherBadParametersOfAValidatedHandler() {
        HttpResponse<String> response = api.get("/api/v1/admin/users?size=0&q=" + "a".repeat(101), tokens.admin());
        JsonNode problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("q", "size");
    }

    @Test
    void answersTheSameBadRequestWithTheSameBodyEveryTime() {
        HttpResponse<String> first = api.get("/api/v1/_fixtures/page?size=0&page=-1", tokens.user());
        JsonNode problem = assertProblem(first, 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .as("sorted by field").containsExactly("page", "size");
        assertThat(first.body()).as("field before message").contains("{\"field\":\"page\",\"message\":");
        for (int n = 0; n < 5; n++) {
            HttpResponse<String> again = api.get("/api/v1/_fixtures/page?size=0&page=-1", tokens.user());
            assertThat(again.body().replaceAll("\"(instance|requestId)\":\"[^\"]*\"", ""))
                    .isEqualTo(first.body().replaceAll("\"(instance|requestId)\":\"[^\"]*\"", ""));
        }
    }
}
