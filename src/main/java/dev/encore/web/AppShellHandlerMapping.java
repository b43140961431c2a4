package dev.encore.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Sends a browser's page request for any app route (a deep link such as {@code /library/tracks})
 * to the app shell, so that a reload or a shared link opens the app at that screen. Asked after
 * the controllers and before the static resources: API, download, stream, docs and probe paths,
 * files (a last segment with a dot) and requests that do not ask for HTML are left alone and keep
 * their answers, a 404 problem for an unknown path among them.
 */
final class AppShellHandlerMapping extends AbstractHandlerMapping {

    private static final List<PathPattern> NOT_APP_ROUTES = parse("/api/**", "/dl/**", "/stream/**", "/ws/**",
            "/actuator/**", "/problems/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/livez",
            "/readyz", "/app/**", "/webjars/**", "/error");

    private final HttpRequestHandler shell;

    AppShellHandlerMapping(HttpRequestHandler shell) {
        this.shell = shell;
        // after the controllers (0) and before the static resources (LOWEST_PRECEDENCE - 1)
        setOrder(Ordered.LOWEST_PRECEDENCE - 2);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        return isAppRoute(request) && asksForHtml(request) ? shell : null;
    }

    private static boolean isAppRoute(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
            return false;
        }
        var path = (ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : ServletRequestPathUtils.parseAndCache(request)).pathWithinApplication();
        String value = path.value();
        String lastSegment = value.substring(value.lastIndexOf('/') + 1);
        return !lastSegment.contains(".") && NOT_APP_ROUTES.stream().noneMatch(pattern -> pattern.matches(path));
    }

    /** A browser navigation names text/html; an API client, an image or a script request does not. */
    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
        }
        catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static List<PathPattern> parse(String... patterns) {
        return Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
