package dev.encore.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import dev.encore.platform.ConditionalRequests;

/**
 * {@code If-None-Match: *} on a JSON read that carries an {@code ETag} (a track, a playlist, a video)
 * is answered 304 without a body: the item exists, which is all {@code *} asks (RFC 9110 §13.1.2).
 * Spring compares the tags of a {@code ResponseEntity} only, took {@code *} for a mismatch and sent
 * the whole body. {@link ConditionalRequests} does the same for files and pages.
 */
@ControllerAdvice
class AnyRepresentationNotModified implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        // every answer passes here: the request's one header lookup first, as it almost never holds "*"
        if (request instanceof ServletServerHttpRequest servlet
                && ConditionalRequests.anyRepresentation(servlet.getServletRequest())
                && body != null && !(body instanceof ProblemDetail)
                && response instanceof ServletServerHttpResponse answer
                && answer.getServletResponse().getStatus() == HttpStatus.OK.value()
                && response.getHeaders().getETag() != null) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return null; // Spring writes no body for a null
        }
        return body;
    }
}
