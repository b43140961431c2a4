package dev.encore.platform.ratelimit;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import dev.encore.platform.RateLimited;
import dev.encore.platform.RateLimits;

/**
 * Gives back the tokens a request took from its {@link RateLimited} limits when it is answered
 * 400, 413 or 415: a request rejected as malformed (shape validation, an unreadable or too large
 * body, a wrong content type, a field rule) did nothing, and two typing mistakes must not use up
 * an hourly limit of three. Every other answer keeps its token, 401 and 403 above all, so that
 * guessing stays throttled; and the general per-client limit counts every request, malformed or
 * not, since it is there against floods.
 * <p>
 * A body advice rather than the interceptor's {@code afterCompletion}: the limits are taken before
 * the body is bound and validated, and by {@code afterCompletion} the problem has been written,
 * while its {@code RateLimit-*} headers must tell the state of the bucket after the token came back.
 */
@ControllerAdvice
class MalformedRequestRefunds implements ResponseBodyAdvice<Object> {

    private static final Set<Integer> MALFORMED = Set.of(400, 413, 415);

    private final RateLimits limits;

    MalformedRequestRefunds(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && MALFORMED.contains(problem.getStatus())
                && request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse) {
            giveBack(servletRequest.getServletRequest(), servletResponse.getServletResponse());
        }
        return body;
    }

    private void giveBack(HttpServletRequest request, HttpServletResponse response) {
        for (RateLimitInterceptor.Taken taken : RateLimitInterceptor.handOutTaken(request)) {
            limits.giveBack(taken.name(), taken.key()).writeTo(response);
        }
    }
}
