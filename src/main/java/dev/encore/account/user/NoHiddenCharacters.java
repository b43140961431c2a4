package dev.encore.account.user;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that names or reaches a person (an email address, a display name) holds only characters that
 * show: no control characters ({@code Cc}), no format characters ({@code Cf}: the zero-width space,
 * non-joiner and joiner U+200B–U+200D, the word joiner U+2060, the byte order mark U+FEFF, the
 * bidirectional marks, embeddings, overrides and isolates U+200E–U+200F, U+202A–U+202E, U+2066–U+2069,
 * the soft hyphen, ...), no private-use ({@code Co}), unassigned ({@code Cn}) or lone surrogate
 * ({@code Cs}) code points, and none of the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), letters
 * that show as blank space. Such characters make two names that look the same different (an admin
 * would see "alice" twice), or hide what a name really says; else 400 {@code validation-failed}
 * naming the field and the first such character. Emoji sequences joined by U+200D are refused too:
 * the price of refusing the joiner elsewhere. NUL is left to the rule every request record has (one
 * message, not two); null passes.
 */
@Documented
@Constraint(validatedBy = NoHiddenCharacters.Check.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface NoHiddenCharacters {

    String message() default "must not contain control, invisible or unassigned characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check (public: Bean Validation instantiates it). */
    final class Check implements ConstraintValidator<NoHiddenCharacters, CharSequence> {

        /** Hangul choseong and jungseong fillers, the Hangul filler and its half-width form. */
        private static final Set<Integer> FILLERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0);

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int hidden = value.codePoints().filter(cp -> cp != 0 && hidden(cp)).findFirst().orElse(-1);
            if (hidden < 0) {
                return true;
            }
            if (context != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate()
                        + String.format(Locale.ROOT, " (U+%04X)", hidden)).addConstraintViolation();
            }
            return false;
        }

        /** Whether {@code cp} shows as nothing, or as something other than it is. */
        public static boolean hidden(int cp) {
            return switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED,
                        Character.SURROGATE -> true;
                default -> FILLERS.contains(cp);
            };
        }
    }
}
