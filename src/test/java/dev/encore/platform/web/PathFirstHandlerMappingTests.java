package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The path-first mapping finds the same handler as Spring's own for every request, and fails the
 * same way where there is none (404, 405 with the allowed methods, 406, 415).
 */
class PathFirstHandlerMappingTests {

    @RestController
    @RequestMapping("/api/v1/things")
    static class Things {

        @GetMapping
        String list() {
            return "[]";
        }

        @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
        String create() {
            return "{}";
        }

        @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        String one(@PathVariable String id) {
            return "{}";
        }

        @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
        String change(@PathVariable String id) {
            return "{}";
        }

        @GetMapping("/{id}/stream")
        String stream(@PathVariable String id) {
            return "";
        }

        @GetMapping("/{id}/{part}")
        String part(@PathVariable String id, @PathVariable String part) {
            return "";
        }
    }

    private final RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping());
    private final RequestMappingHandlerMapping pathFirst = mapping(new PathFirstHandlerMapping());

    @Test
    void findsWhatSpringFindsAndFailsAsItFails() {
        List<MockHttpServletRequest> requests = List.of(
                request("GET", "/api/v1/things", none()),
                request("GET", "/api/v1/things/7", none()),
                request("HEAD", "/api/v1/things/7", none()),
                request("GET", "/api/v1/things/7/stream", none()),
                request("GET", "/api/v1/things/7/cover", none()),
                request("GET", "/api/v1/things/7/stream/extra", none()),
                request("GET", "/api/v1/nothing/7", none()),
                request("DELETE", "/api/v1/things/7", none()),
                request("DELETE", "/api/v1/things/7/stream", none()),
                request("PUT", "/api/v1/things/7", json()),
                request("PUT", "/api/v1/things/7", r -> r.setContentType("text/plain")),
                request("POST", "/api/v1/things", r -> r.setContentType("text/plain")),
                request("GET", "/api/v1/things/7", r -> r.addHeader(HttpHeaders.ACCEPT, "image/png")),
                request("GET", "/api/v1/things/7", r -> r.addHeader(HttpHeaders.ACCEPT, "not a media type")),
                request("OPTIONS", "/api/v1/things/7", r -> {
                    r.addHeader(HttpHeaders.ORIGIN, "https://elsewhere.example");
                    r.addHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT");
                }),
                request("OPTIONS", "/api/v1/things/7", none()));

        for (MockHttpServletRequest request : requests) {
            String expected = outcome(spring, request);
            assertThat(outcome(pathFirst, copy(request))).as(request.getMethod() + " " + request.getRequestURI())
                    .isEqualTo(expected);
        }
        assertThat(outcome(pathFirst, request("GET", "/api/v1/things/7/stream", none()))).contains("stream");
        assertThat(outcome(pathFirst, request("DELETE", "/api/v1/things/7", none())))
                .contains("HttpRequestMethodNotSupportedException").contains("Allow:\"GET, PUT\"");
    }

    private static String outcome(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "no handler" : chain.getHandler().toString().replaceAll("@[0-9a-f]+$", ""); // one pre-flight handler per mapping
        }
        catch (Exception ex) {
            // the headers carry the Allow and Accept lists of a 405 and a 415
            return ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + (ex instanceof ErrorResponse answer ? " " + answer.getHeaders() : "");
        }
    }

    private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("things", Things.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    private static MockHttpServletRequest request(String method, String uri, Consumer<MockHttpServletRequest> more) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        more.accept(request);
        return request;
    }

    private static MockHttpServletRequest copy(MockHttpServletRequest original) {
        MockHttpServletRequest copy = new MockHttpServletRequest(original.getMethod(), original.getRequestURI());
        copy.setContentType(original.getContentType());
        for (String name : java.util.Collections.list(original.getHeaderNames())) {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                copy.addHeader(name, original.getHeader(name));
            }
        }
        return copy;
    }

    private static Consumer<MockHttpServletRequest> none() {
        return request -> { };
    }

    private static Consumer<MockHttpServletRequest> json() {
        return request -> request.setContentType(MediaType.APPLICATION_JSON_VALUE);
    }
}
