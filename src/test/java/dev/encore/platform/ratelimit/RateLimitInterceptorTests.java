package dev.encore.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import dev.encore.platform.RateLimitExceededException;
import dev.encore.platform.RateLimitStatus;
import dev.encore.platform.RateLimited;
import dev.encore.platform.RateLimits;

class RateLimitInterceptorTests {

    static class Handlers {

        @RateLimited(value = "imports", per = RateLimited.Scope.CLIENT)
        void one() {
        }

        @RateLimited(value = "imports-bulk", per = RateLimited.Scope.CLIENT)
        @RateLimited(value = "auth", per = RateLimited.Scope.CLIENT)
        void two() {
        }

        void none() {
        }
    }

    private final RateLimits limits = mock(RateLimits.class);
    private final RateLimitInterceptor interceptor = new RateLimitInterceptor(limits);

    @Test
    void eachHandlerKeepsItsOwnLimitsOnEveryRequest() throws Exception {
        when(limits.enabled()).thenReturn(true);
        when(limits.enforce(anyString(), anyString())).thenReturn(new RateLimitStatus(5, 4, 60, 0, true));
        for (int i = 0; i < 3; i++) { // the declarations are found once and then remembered, per method
            interceptor.preHandle(request(), new MockHttpServletResponse(), handler("one"));
            interceptor.preHandle(request(), new MockHttpServletResponse(), handler("two"));
            interceptor.preHandle(request(), new MockHttpServletResponse(), handler("none"));
        }
        InOrder order = Mockito.inOrder(limits);
        for (int i = 0; i < 3; i++) {
            order.verify(limits).enforce("imports", "client:203.0.113.9");
            order.verify(limits).enforce("imports-bulk", "client:203.0.113.9");
            order.verify(limits).enforce("auth", "client:203.0.113.9");
        }
        verify(limits, times(9)).enforce(anyString(), anyString());
    }

    @Test
    void anEmptyBucketStillRefusesAfterTheLookupIsRemembered() throws Exception {
        when(limits.enabled()).thenReturn(true);
        when(limits.enforce("imports", "client:203.0.113.9")).thenReturn(new RateLimitStatus(1, 0, 60, 0, true))
                .thenThrow(RateLimitExceededException.of(new RateLimitStatus(1, 0, 60, 60, false)));
        MockHttpServletResponse first = new MockHttpServletResponse();
        assertThat(interceptor.preHandle(request(), first, handler("one"))).isTrue();
        assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThatThrownBy(() -> interceptor.preHandle(request(), new MockHttpServletResponse(), handler("one")))
                .isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void nothingIsCountedWhenLimitsAreOff() throws Exception {
        interceptor.preHandle(request(), new MockHttpServletResponse(), handler("one"));
        verify(limits, never()).enforce(anyString(), anyString());
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/imports");
        request.setRemoteAddr("203.0.113.9");
        return request;
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
    }
}
