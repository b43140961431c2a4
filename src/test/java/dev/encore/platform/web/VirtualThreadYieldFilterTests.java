package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class VirtualThreadYieldFilterTests {

    private final AtomicInteger yields = new AtomicInteger();
    private final VirtualThreadYieldFilter filter = new VirtualThreadYieldFilter(yields::incrementAndGet);

    @Test
    void aRequestOnAVirtualThreadYieldsOnceThenRuns() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/me"), new MockHttpServletResponse(), chain);
            }
            catch (Throwable ex) {
                failure.set(ex);
            }
        }).join();
        assertThat(failure.get()).isNull();
        assertThat(yields.get()).isEqualTo(1);
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void aRequestOnAPlatformThreadDoesNotYield() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/me"), new MockHttpServletResponse(), chain);
        assertThat(yields.get()).isZero();
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void itRunsBeforeSecurityAndTheRateLimits() {
        int order = AnnotationUtils.findAnnotation(VirtualThreadYieldFilter.class, Order.class).value();
        assertThat(order).isGreaterThan(Ordered.HIGHEST_PRECEDENCE)
                .isLessThan(AnnotationUtils.findAnnotation(ClientAddressFilter.class, Order.class).value())
                .isLessThan(-100); // Spring Security's filter chain (SecurityFilterProperties.DEFAULT_FILTER_ORDER)
    }

    @Test
    void theRealYieldLetsTheRequestThrough() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        Thread.ofVirtual().start(() -> {
            try {
                new VirtualThreadYieldFilter().doFilter(new MockHttpServletRequest("GET", "/api/v1/me"),
                        new MockHttpServletResponse(), chain);
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).join();
        assertThat(chain.getRequest()).isNotNull();
    }
}
