package dev.encore.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import dev.encore.platform.ContentSecurityPolicy;
import dev.encore.platform.HeaderText;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.platform.web.ProblemWriter;
import dev.encore.platform.web.RejectedRequests;

/**
 * Who may call what, and the headers every answer carries. The API is stateless: a bearer JWT
 * per request, no server session, no CSRF token (no cookie authenticates an API call).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = ContentSecurityPolicy.DEFAULT;

    /** Swagger UI needs inline styles; its pages get the same policy otherwise. */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "autoplay=(self), fullscreen=(self), picture-in-picture=(self)";

    @Bean
    @Order(1)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, ProblemWriter problems)
            throws Exception {
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**");
        common(http, problems, API_DOCS_CONTENT_SECURITY_POLICY);
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, MetricsProperties metrics,
            ProblemWriter problems) throws Exception {
        common(http, problems, CONTENT_SECURITY_POLICY);
        ProviderManager bearerTokens = new ProviderManager(
                new MetricsTokenAuthenticationProvider(metrics.token()), jwtProvider(jwtDecoder));
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        http.oauth2ResourceServer(resourceServer -> resourceServer
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(entryPoint)
                .jwt(jwt -> jwt.authenticationManager(bearerTokens)));
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/error", "/livez", "/readyz", "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                // the signed link or stream URL in the path is the credential; the pages explain problem types
                .requestMatchers("/dl/**", "/stream/**", "/problems", "/problems/**").permitAll()
                .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "METRICS")
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/api/v1/auth/logout").access(member())
                .requestMatchers("/api/v1/auth/**").permitAll()
                // admin controllers check the role themselves too: a new one cannot forget it
                .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                .requestMatchers("/api/**").access(member())
                .anyRequest().permitAll());
        return http.build();
    }

    /**
     * Signed in as a member: the metrics scraper's token is good for {@code /actuator/prometheus}
     * only, and the API's handlers all expect an account's access token.
     */
    private static AuthorizationManager<RequestAuthorizationContext> member() {
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(MetricsTokenAuthenticationProvider.ROLE)));
    }

    /**
     * Spring Security's firewall, refusing what it refuses by default except the header values a
     * UTF-8 User-Agent makes ({@link HeaderText#ALLOWED_VALUES}).
     */
    @Bean
    static HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderText.ALLOWED_VALUES);
        return firewall;
    }

    /**
     * A request the firewall refuses is a problem like any other bad request, not an empty answer:
     * 405 with {@code Allow} for a method the server does not take (as Tomcat's own refusal of
     * CONNECT is), 400 for the rest.
     */
    @Bean
    static RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> {
            if (RejectedRequests.unknownMethod(request.getMethod())) {
                response.setHeader(HttpHeaders.ALLOW, RejectedRequests.ALLOW);
                problems.write(request, response, RejectedRequests.methodProblem());
                return;
            }
            problems.write(request, response, RejectedRequests.problem());
        };
    }

    private static void common(HttpSecurity http, ProblemWriter problems, String contentSecurityPolicy)
            throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(Customizer.withDefaults())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())));
    }

    private static JwtAuthenticationProvider jwtProvider(JwtDecoder decoder) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return provider;
    }

    /**
     * No observations of Spring Security's own: with an observation registry present it times every
     * filter of the chain, each authentication and each authorization (a timer and a long-task timer
     * per step, {@code spring.security.*}), which cost about 6 % of the CPU of a small authenticated
     * read (docs/performance.md). The request as a whole is still observed ({@code http.server.requests}),
     * and a refused request still shows in it by its status.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Picked up by name by Spring Security's CORS support; see {@link ProblemCorsProcessor}. */
    @Bean
    CorsFilter corsFilter(EncoreSecurityProperties properties, EncoreProperties encore, ProblemWriter problems) {
        CorsConfiguration config = new CorsConfiguration();
        // the web app served at the public URL is Encore's own, even reached through a proxy that rewrites Host
        config.setAllowedOrigins(encore.browserOrigins(properties.allowedOrigins()));
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match",
                "Range", "X-Request-ID", "Upload-Offset", "Upload-Length", "Upload-Metadata", "Tus-Resumable"));
        config.setExposedHeaders(List.of("X-Request-ID", "Location", "ETag", "Content-Disposition", "Content-Range",
                "Accept-Ranges", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
                "Upload-Offset", "Upload-Length", "Upload-Expires", "Tus-Resumable", "Tus-Version", "Tus-Extension",
                "Tus-Max-Size", "Encore-Upload-Id"));
        config.setAllowCredentials(!properties.allowedOrigins().contains("*"));
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    /** The CORS filter runs inside the security chains only, not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }
}
