package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.encore.platform.RequestContext;

/** The access line's message, all the human log format prints, names the client and the user. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogFilterTests {

    @Test
    void theMessageCarriesTheClientAddressAndTheUser(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = request("203.0.113.7");
        RequestContext.setUserId(request, "0b7e7c1a-user");
        filter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(output.getOut()).containsPattern("GET /api/v1/tracks 200 \\d+ms client=203\\.0\\.113\\.7 user=0b7e7c1a-user");
    }

    @Test
    void anAnonymousRequestNamesTheClientOnly(CapturedOutput output) throws Exception {
        filter().doFilter(request("198.51.100.2"), new MockHttpServletResponse(), new MockFilterChain());
        assertThat(output.getOut()).containsPattern("GET /api/v1/tracks 200 \\d+ms client=198\\.51\\.100\\.2\\R")
                .doesNotContain("user=");
    }

    private static AccessLogFilter filter() { // the routes are matched already: no handler mapping needed
        return new AccessLogFilter(new RouteTemplates(
                new StaticListableBeanFactory().getBeanProvider(RequestMappingHandlerMapping.class)));
    }

    private static MockHttpServletRequest request(String clientAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tracks");
        request.setRemoteAddr(clientAddress);
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/tracks");
        return request;
    }
}
