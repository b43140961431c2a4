package dev.encore.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.encore.platform.RateLimitStatus;
import dev.encore.platform.RateLimited;
import dev.encore.platform.RateLimits;

/** Applies the {@link RateLimited} limits declared on the handler method. */
class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimits limits;

    RateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!limits.enabled() || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        for (RateLimited declared : AnnotatedElementUtils.findMergedRepeatableAnnotations(method.getMethod(),
                RateLimited.class)) {
            RateLimitStatus status = limits.enforce(declared.value(), key(declared.per(), request));
            status.writeTo(response);
        }
        return true;
    }

    private static String key(RateLimited.Scope scope, HttpServletRequest request) {
        if (scope == RateLimited.Scope.USER) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken)) {
                return "user:" + authentication.getName();
            }
        }
        return "client:" + request.getRemoteAddr();
    }
}
