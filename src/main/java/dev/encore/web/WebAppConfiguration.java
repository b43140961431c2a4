package dev.encore.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.encore.platform.ConditionalRequests;

/**
 * Serves the web app: the shell ({@code no-cache}, revalidated by its ETag) for every app route,
 * the app's files and the libraries from URLs that carry their version, cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebMvcConfigurer {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final AppAssets assets = AppAssets.load();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(assets.base() + "**").addResourceLocations(AppAssets.LOCATION)
                .setCacheControl(FOREVER);
        registry.addResourceHandler(AppAssets.LIBRARY_PATH + "**").addResourceLocations(AppAssets.LIBRARY_LOCATION)
                .setCacheControl(FOREVER);
    }

    @Bean
    AppShellHandlerMapping appShellHandlerMapping() throws IOException {
        AppShell shell = AppShell.from(assets);
        return new AppShellHandlerMapping(shellHandler(shell));
    }

    private static HttpRequestHandler shellHandler(AppShell shell) {
        return (request, response) -> {
            response.setHeader("Content-Security-Policy", shell.contentSecurityPolicy());
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
            if (ConditionalRequests.notModified(request, response, shell.etag(), -1)) {
                return;
            }
            response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
            response.getWriter().write(shell.html());
        };
    }
}
