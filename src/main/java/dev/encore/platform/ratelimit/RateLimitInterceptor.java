package dev.encore.platform.ratelimit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.encore.platform.ClientKeys;
import dev.encore.platform.RateLimitStatus;
import dev.encore.platform.RateLimited;
import dev.encore.platform.RateLimits;

/** Applies the {@link RateLimited} limits declared on the handler method. */
class RateLimitInterceptor implements HandlerInterceptor {

    /** One token taken from the limit {@code name}'s bucket {@code key}. */
    record Taken(String name, String key) {
    }

    /** Request attribute: the tokens taken, so that {@link MalformedRequestRefunds} can give them back. */
    private static final String TAKEN = RateLimitInterceptor.class.getName() + ".taken";

    private final RateLimits limits;
    /**
     * The limits declared on each handler method, found once: the annotation search (merged,
     * repeatable, through the class hierarchy) ran for every request to every handler, most of which
     * declare none.
     */
    private final Map<Method, List<RateLimited>> declarations = new ConcurrentHashMap<>();

    RateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!limits.enabled() || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        List<RateLimited> declared = declarations.computeIfAbsent(method.getMethod(), RateLimitInterceptor::declared);
        if (declared.isEmpty()) {
            return true;
        }
        List<Taken> taken = new ArrayList<>(declared.size());
        request.setAttribute(TAKEN, taken);
        for (RateLimited limit : declared) {
            String key = key(limit.per(), request);
            RateLimitStatus status = limits.enforce(limit.value(), key);
            taken.add(new Taken(limit.value(), key));
            status.writeTo(response);
        }
        return true;
    }

    /**
     * The tokens this request took, in the order taken, or an empty list; forgotten as they are
     * handed out, so that they are given back once however often an answer is written.
     */
    @SuppressWarnings("unchecked")
    static List<Taken> handOutTaken(HttpServletRequest request) {
        Object taken = request.getAttribute(TAKEN);
        request.removeAttribute(TAKEN);
        return taken instanceof List<?> list ? (List<Taken>) list : List.of();
    }

    static List<RateLimited> declared(Method method) {
        return List.copyOf(AnnotatedElementUtils.findMergedRepeatableAnnotations(method, RateLimited.class));
    }

    private static String key(RateLimited.Scope scope, HttpServletRequest request) {
        if (scope == RateLimited.Scope.USER) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken)) {
                return "user:" + authentication.getName();
            }
        }
        return "client:" + ClientKeys.of(request.getRemoteAddr());
    }
}
