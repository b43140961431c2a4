package dev.encore.library.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.encore.platform.Problems;

/**
 * The tus 1.0 protocol around {@code /api/v1/uploads/tus}: {@code Tus-Resumable} on every answer
 * of the endpoints, and 412 (with {@code Tus-Version}) for a tus request of another protocol version.
 */
@Configuration(proxyBeanMethods = false)
class TusProtocol implements WebMvcConfigurer, HandlerInterceptor {

    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,termination,expiration";
    static final String MEDIA_TYPE = "application/offset+octet-stream";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/uploads/tus", "/api/v1/uploads/tus/**");
    }

    /**
     * {@code Tus-Resumable} on the answer before anything else runs: also on those given before a
     * handler is chosen (415 for a PATCH body of another type, 401, 405), which the interceptor never sees.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tusResumableHeader() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        response.setHeader("Tus-Resumable", VERSION);
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/api/v1/uploads/tus", "/api/v1/uploads/tus/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean tusRequest = !"OPTIONS".equals(request.getMethod()) && !"GET".equals(request.getMethod());
        if (tusRequest && !VERSION.equals(request.getHeader("Tus-Resumable"))) {
            ErrorResponseException unsupported = new ErrorResponseException(HttpStatus.PRECONDITION_FAILED,
                    Problems.of(HttpStatus.PRECONDITION_FAILED, "tus-version-unsupported", "Unsupported tus version",
                            "Send Tus-Resumable: " + VERSION + "; it is the version this server speaks."), null);
            unsupported.getHeaders().set("Tus-Version", VERSION);
            throw unsupported;
        }
        return true;
    }

    /**
     * The file name from {@code Upload-Metadata} ({@code key base64value} pairs, comma-separated),
     * sanitized for display; 400 when the header is malformed.
     */
    static String filename(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return UploadReceiver.displayName(null);
        }
        try {
            for (String pair : metadata.split(",")) {
                String[] parts = pair.strip().split(" ", -1);
                if (parts.length > 2 || parts[0].isEmpty()) {
                    throw new IllegalArgumentException("not a key and a value");
                }
                if (parts[0].equals("filename") && parts.length == 2) {
                    return UploadReceiver.displayName(new String(Base64.getDecoder().decode(parts[1]),
                            StandardCharsets.UTF_8));
                }
            }
            return UploadReceiver.displayName(null);
        }
        catch (IllegalArgumentException ex) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
                    "invalid-upload-metadata", "Invalid Upload-Metadata",
                    "Upload-Metadata must be comma-separated pairs of a key and a base64 value."), null);
        }
    }
}
