package dev.encore.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * A Spring MVC slice of Encore for controller tests: Encore's problem answers ({@code ProblemHandler},
 * the {@code FieldRules} binding, {@code ProblemWriter}), request ids, and the real security chain
 * (bearer JWTs checked by the real decoder, the problem+json entry point and access-denied handler,
 * the URL rules, method security); no database, no messaging, no other module's web components. A
 * test adds its controller and the field rules it needs with {@code @Import}, mocks what the
 * controller calls with {@code @MockitoBean}, and signs requests in with spring-security-test's
 * {@code jwt()} (or sends a bearer token to reach the real decoder).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "dev\\.encore\\.platform\\.web\\.(ProblemHandler|FieldRulesBinding|ProblemWriter|RequestIdFilter)",
        "dev\\.encore\\.platform\\.security\\.(SecurityConfiguration|JwtConfiguration|DenyListConfiguration|MetricsProperties)",
        "dev\\.encore\\.platform\\.(AccessTokenRevocations|ClockConfiguration|EncoreProperties|EncoreSecurityProperties)" }),
        properties = {
                // set here, so that nothing is generated into a data directory
                "encore.data-dir=target/web-slice-data",
                "encore.security.jwt-secret=web-slice-jwt-secret-0123456789abcdefghij",
                "encore.security.secret-box-key=web-slice-secret-box-key-0123456789abcdef",
                "encore.security.admin-registration-key=web-slice-admin-key",
                "encore.security.allowed-origins=https://app.example.org" })
public @interface EncoreWebMvcTest {
}
