package dev.encore.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import dev.encore.platform.RateLimitStatus;
import dev.encore.platform.RateLimited;
import dev.encore.platform.RateLimits;

class MalformedRequestRefundsTests {

    static class Handlers {

        @RateLimited(value = "imports-bulk", per = RateLimited.Scope.CLIENT)
        void batch() {
        }
    }

    private final RateLimits limits = mock(RateLimits.class);
    private final RateLimitInterceptor interceptor = new RateLimitInterceptor(limits);
    private final MalformedRequestRefunds refunds = new MalformedRequestRefunds(limits);
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/imports/batch");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @ParameterizedTest
    @ValueSource(ints = { 400, 413, 415 })
    void aMalformedRequestGetsItsTokenBackOnceWithTheHeadersOfTheBucketAfterwards(int status) throws Exception {
        takeToken();
        when(limits.giveBack("imports-bulk", "client:203.0.113.9")).thenReturn(new RateLimitStatus(3, 3, 0, 0, true));
        answer(status);
        answer(status); // a second body written for the same request gives nothing more back
        verify(limits, times(1)).giveBack("imports-bulk", "client:203.0.113.9");
        assertThat(response.getHeaders("RateLimit-Remaining")).containsExactly("3");
        assertThat(response.getHeader("RateLimit-Reset")).isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 403, 404, 409, 429, 500, 503 })
    void anyOtherAnswerKeepsTheToken(int status) throws Exception {
        takeToken();
        answer(status);
        verify(limits, never()).giveBack(anyString(), anyString());
        assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("2");
    }

    private void takeToken() throws Exception {
        request.setRemoteAddr("203.0.113.9");
        when(limits.enabled()).thenReturn(true);
        when(limits.enforce("imports-bulk", "client:203.0.113.9")).thenReturn(new RateLimitStatus(3, 2, 1200, 0, true));
        interceptor.preHandle(request, response,
                new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod("batch")));
    }

    private void answer(int status) {
        refunds.beforeBodyWrite(ProblemDetail.forStatus(HttpStatus.valueOf(status)), null, null, null,
                new ServletServerHttpRequest(request), new ServletServerHttpResponse(response));
    }
}
