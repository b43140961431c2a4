package dev.encore.platform;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An instant a request brings (a body field, a query parameter) lies between {@link #MIN} and
 * {@link #MAX}, years 1 to 9999: else 400 {@code validation-failed} naming the field. ISO-8601 reads
 * years up to ±999,999,999, far past what the databases keep (PostgreSQL stops at 294276,
 * {@code java.sql.Timestamp}, which Spring Data writes an {@code Instant} as, at about ±292 million):
 * such an instant failed its write or query with a 500. Four-digit years are RFC 3339's (OpenAPI's
 * {@code date-time}), well inside every one of those limits. Every {@code Instant} a controller takes
 * carries it ({@code ArchitectureTests}); null passes (a required one says so elsewhere).
 */
@Documented
@Constraint(validatedBy = StorableInstant.Check.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface StorableInstant {

    /** The earliest instant a request may bring. */
    Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest instant a request may bring. */
    Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    String message() default "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check (public: Bean Validation instantiates it). */
    final class Check implements ConstraintValidator<StorableInstant, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(MIN) && !value.isAfter(MAX);
        }
    }
}
