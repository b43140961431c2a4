package dev.encore.insights.report;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static dev.encore.support.MvcProblemAssert.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import dev.encore.insights.query.DateRange;
import dev.encore.insights.query.InsightsViews.Totals;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import(ReportsController.class)
class ReportsControllerTests {

    private static final UUID USER = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Reports reports;

    @Test
    void aDayThatIsNoIsoDateIsAFieldErrorNamingItAndMakesNoReport() {
        var problem = assertInvalidFields(post("{\"format\":\"csv\",\"from\":\"yesterday\",\"to\":\"2026-02-30\"}")
                .exchange(), "from", "to");
        assertThat(messages(problem, "from")).containsExactly("must be an ISO date (yyyy-mm-dd)");
        // with the body's other broken rules, all at once
        assertInvalidFields(post("{\"format\":\"docx\",\"to\":20260301}").exchange(), "format", "to");
        verifyNoInteractions(reports);
    }

    @Test
    void isoDatesReachTheReport() {
        when(reports.make(any(), any())).thenReturn(report());
        assertThat(post("{\"format\":\"csv\",\"from\":\"2026-03-01\",\"to\":\"2026-03-02\"}").exchange()).hasStatusOk();
    }

    @Test
    void withoutAFormatInTheBodyAcceptChoosesAndCsvIsTheDefault() {
        when(reports.make(any(), any())).thenReturn(report());
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("application/pdf", "application/pdf");
        answers.put(xlsx, xlsx);
        answers.put("text/csv", "text/csv;charset=UTF-8");
        answers.put("*/*", "text/csv;charset=UTF-8");
        answers.put("text/csv;q=0.5, application/pdf", "application/pdf");
        answers.put("application/pdf, */*", "application/pdf");
        answers.put("application/json, application/*;q=0.8", xlsx);
        answers.put("text/*;q=0, */*;q=0.1, application/pdf;q=0.05", xlsx);
        for (var answer : answers.entrySet()) {
            var result = post("{}").header("Accept", answer.getKey()).exchange();
            assertThat(result).as(answer.getKey()).hasStatusOk().hasContentType(answer.getValue());
            String extension = answer.getValue().startsWith("text/csv") ? ".csv" : answer.getValue().equals(xlsx) ? ".xlsx" : ".pdf";
            assertThat(result.getResponse().getHeader("Content-Disposition")).as(answer.getKey()).endsWith(extension + "\"");
        }
        assertThat(post("{\"scope\":\"me\"}").exchange()).as("no Accept").hasStatusOk()
                .hasContentType("text/csv;charset=UTF-8");
    }

    @Test
    void theBodysFormatWinsAndMustBeAcceptable() {
        when(reports.make(any(), any())).thenReturn(report());
        assertThat(post("{\"format\":\"pdf\"}").header("Accept", "*/*").exchange()).hasStatusOk()
                .hasContentType("application/pdf");
        assertThat(post("{\"format\":\"xlsx\"}").header("Accept", "text/csv, application/*").exchange()).hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var refused = assertProblem(post("{\"format\":\"pdf\"}").header("Accept", "text/csv").exchange(), 406,
                "not-acceptable");
        assertThat(refused.path("detail").asString()).contains("application/pdf");
    }

    @Test
    void anAcceptAdmittingNoReportFormatIs406AndMakesNoReport() {
        for (String accept : List.of("application/json", "text/html, application/xhtml+xml", "image/*",
                "text/csv;q=0, application/pdf;q=0, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;q=0",
                "not a media type")) {
            var problem = assertProblem(post("{}").header("Accept", accept).exchange(), 406, "not-acceptable");
            assertThat(problem.toString()).as(accept).doesNotContain("Exception");
        }
        verifyNoInteractions(reports);
    }

    private MockMvcRequestBuilder post(String json) {
        return mvc.post().uri("/api/v1/reports").with(jwt().jwt(token -> token.subject(USER.toString())))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static Report report() {
        return new Report("Encore insights: my activity", false, new DateRange(LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-02")), Instant.parse("2026-03-03T10:00:00Z"), new Totals(0, 0, 0, 0),
                List.of(), List.of());
    }
}
