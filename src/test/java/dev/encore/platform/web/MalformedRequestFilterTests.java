package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class MalformedRequestFilterTests {

    @Test
    void acceptsWellFormedQueries() {
        assertThat(MalformedRequestFilter.malformedQuery(null)).isNull();
        assertThat(MalformedRequestFilter.malformedQuery("q=beyonc%C3%A9&page=2&flag&sort=title,desc&x=a+b")).isNull();
    }

    @Test
    void refusesBrokenEscapesAndBrokenUtf8() {
        for (String query : new String[] { "artist=%ZZ", "artist=%", "artist=%4", "%G0=x", "a=%C3%28", "a=%FF" }) {
            ProblemDetail problem = MalformedRequestFilter.malformedQuery(query);
            assertThat(problem).as(query).isNotNull();
            assertThat(problem.getStatus()).isEqualTo(400);
            assertThat(problem.getType().toString()).isEqualTo("/problems/bad-request");
        }
    }

    @Test
    void namesTheParameterThatHoldsANul() {
        ProblemDetail problem = MalformedRequestFilter.malformedQuery("page=1&q=a%00b");
        assertThat(problem.getType().toString()).isEqualTo("/problems/validation-failed");
        assertThat(problem.getProperties().get("errors").toString()).contains("field=q")
                .contains(NulCharacterRule.MESSAGE);
    }
}
