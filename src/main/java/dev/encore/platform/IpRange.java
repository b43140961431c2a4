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
import java.net.InetAddress;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A setting naming an IP address or CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8},
 * {@code 127.0.0.1}): an IP literal, optionally followed by a prefix length that fits the address
 * (0–32 for IPv4, 0–128 for IPv6). So a bad range stops start-up with a report naming the property,
 * instead of failing later inside Spring Security's {@code IpAddressMatcher} (which would also look
 * up a host name). Null passes.
 */
@Documented
@Constraint(validatedBy = IpRange.Check.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface IpRange {

    String message() default "must be an IP address or CIDR range such as 10.0.0.0/8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check (public: Bean Validation instantiates it). */
    final class Check implements ConstraintValidator<IpRange, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isRange(value.toString());
        }

        /** Whether {@code value} is an IP literal with an optional prefix length that fits it. */
        public static boolean isRange(String value) {
            int slash = value.indexOf('/');
            InetAddress address;
            try {
                address = InetAddress.ofLiteral(slash < 0 ? value : value.substring(0, slash));
            }
            catch (IllegalArgumentException notALiteral) {
                return false;
            }
            if (slash < 0) {
                return true;
            }
            String prefix = value.substring(slash + 1);
            return prefix.matches("[0-9]{1,3}") && Integer.parseInt(prefix) <= address.getAddress().length * 8;
        }
    }
}
