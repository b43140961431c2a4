package dev.encore.library.upload;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.encore.library.Viewer;

/**
 * Multipart uploads are admitted by their declared length before a byte of the body is read
 * (multipart parsing is lazy: {@code spring.servlet.multipart.resolve-lazily}): a user whose
 * storage or daily quota cannot take the request gets 403 at once instead of after sending it.
 * The exact size is checked again once the file has arrived.
 */
@Configuration(proxyBeanMethods = false)
class UploadAdmission implements WebMvcConfigurer {

    /** Room for the multipart envelope (boundaries, part headers) within the declared length. */
    static final long ENVELOPE_BYTES = 8 * 1024;

    private final UploadQuota quota;

    UploadAdmission(UploadQuota quota) {
        this.quota = quota;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                long declared = request.getContentLengthLong();
                if ("POST".equals(request.getMethod()) && declared > ENVELOPE_BYTES
                        && auth instanceof JwtAuthenticationToken) {
                    quota.require(Viewer.of(auth).userId(), declared - ENVELOPE_BYTES);
                }
                return true;
            }
        }).addPathPatterns("/api/v1/uploads");
    }
}
