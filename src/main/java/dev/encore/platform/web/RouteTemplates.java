package dev.encore.platform.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The route template a request was meant for. A request refused before Spring MVC dispatches it (401
 * and 403 from Spring Security, 429 from a rate limit) carries no matched pattern; the access log asks
 * here so its line names {@code /api/v1/me} rather than nothing, still never the raw path, which may
 * hold a signed link's token.
 */
@Component
class RouteTemplates {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    RouteTemplates(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The template the request matched when dispatched, else the one it would have matched; none for other paths. */
    Optional<String> of(HttpServletRequest request) {
        Object matched = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (matched instanceof String template) {
            return template.equals("/**") ? Optional.empty() : Optional.of(template); // "/**": the static files
        }
        RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
        if (mapping == null) {
            return Optional.empty();
        }
        try {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            // the look-up records the matched pattern on the request, as a dispatch would
            return mapping.getHandler(request) != null
                    && request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String template
                    ? Optional.of(template) : Optional.empty();
        }
        catch (Exception noSingleRoute) { // a method the path does not take, an unparsable path: no route to name
            return Optional.empty();
        }
    }
}
