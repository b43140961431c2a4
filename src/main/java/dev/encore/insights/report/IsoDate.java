package dev.encore.insights.report;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A day a request body brings as text is an ISO date ({@code 2026-03-01}): else 400
 * {@code validation-failed} naming the field, with the body's other broken rules, as a bad date in
 * the query string of the insights API is. Bound as a {@code LocalDate}, Jackson refused it before
 * validation ran, as a {@code malformed-request}. Null passes (the day is optional).
 */
@Documented
@Constraint(validatedBy = IsoDate.Check.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
@interface IsoDate {

    String message() default "must be an ISO date (yyyy-mm-dd)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check (public: Bean Validation instantiates it). */
    final class Check implements ConstraintValidator<IsoDate, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || day(value) != null;
        }

        /** The day {@code text} names; null for null, and for text that is not an ISO date. */
        static LocalDate day(String text) {
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
