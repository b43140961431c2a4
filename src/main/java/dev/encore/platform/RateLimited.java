package dev.encore.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a controller method is subject to the named limit from
 * {@code encore.ratelimit.limits.<name>} on top of the general per-client limit. Answers 429
 * with {@code Retry-After} once the bucket is empty; successful answers carry the
 * {@code RateLimit-*} headers. The token is taken before the body is bound and validated; a
 * request answered 400, 413 or 415 (malformed) gets it back, any other answer (401 and 403
 * included) keeps it costing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(RateLimited.List.class)
public @interface RateLimited {

    /** The limit's name, e.g. {@code imports}. */
    String value();

    /** Whose bucket is charged. */
    Scope per() default Scope.USER;

    /** Who a bucket belongs to. */
    enum Scope {
        /** The client address (after trusted-proxy resolution). */
        CLIENT,
        /** The signed-in user; anonymous callers fall back to their client address. */
        USER
    }

    /** Container for several limits on one method. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        RateLimited[] value();
    }
}
