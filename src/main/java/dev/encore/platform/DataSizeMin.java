package dev.encore.platform;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.util.unit.DataSize;

/**
 * A {@link DataSize} setting is at least {@link #bytes()} bytes, as Hibernate Validator's
 * {@code @DurationMin} is for durations (Bean Validation's {@code @Min} does not apply to a
 * {@code DataSize}): so {@code -5} stops start-up with a report naming the property. Null passes.
 */
@Documented
@Constraint(validatedBy = DataSizeMin.Check.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface DataSizeMin {

    /** The smallest size allowed, in bytes. */
    long bytes();

    String message() default "must be at least {bytes} bytes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check (public: Bean Validation instantiates it). */
    final class Check implements ConstraintValidator<DataSizeMin, DataSize> {

        private long bytes;

        @Override
        public void initialize(DataSizeMin annotation) {
            bytes = annotation.bytes();
        }

        @Override
        public boolean isValid(DataSize value, ConstraintValidatorContext context) {
            return value == null || value.toBytes() >= bytes;
        }
    }
}
