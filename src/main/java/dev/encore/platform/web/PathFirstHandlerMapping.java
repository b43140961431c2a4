package dev.encore.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's mapping of requests to controller methods, with one change in the order it checks
 * a mapping's conditions: the path first. A path with a variable ({@code /api/v1/tracks/{id}/stream})
 * is checked against every mapping, and Spring checks the HTTP method, CORS pre-flight, and the
 * consumed and produced media types before the path, each reading the request through every
 * filter's wrapper: about 7 % of a 4 MiB range's CPU went to finding its handler. Almost every
 * mapping differs from the request in its path, so checking that first ends most checks at once.
 * Which mapping matches, and every 404/405/406/415 answer (worked out separately from all
 * mappings), stay as they were.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null && paths.getMatchingCondition(request) == null) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
