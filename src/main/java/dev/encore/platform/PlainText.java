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
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Free text a request brings (a title, a name, a tag) holds no control characters (Unicode {@code Cc}:
 * U+0000–U+001F, U+007F–U+009F): else 400 {@code validation-failed} naming the field. A CR or LF in a
 * title would split the lines of whatever shows or exports it (an M3U playlist, a CSV report, a log
 * line), an escape sequence would drive a terminal. {@link #multiline()} text (descriptions) may keep
 * line breaks and tabs. NUL is left to the rule every request record has (one message, not two); null
 * passes. Text taken from media files or sources rather than from a request is {@link Check#cleaned
 * cleaned} instead, so an odd tag never fails an upload or import.
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface PlainText {

    /** Whether line breaks (CR, LF) and tabs are allowed. */
    boolean multiline() default false;

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check (public: Bean Validation instantiates it), and the cleaning of text from elsewhere. */
    final class Check implements ConstraintValidator<PlainText, CharSequence> {

        private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}+");

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().noneMatch(this::refused);
        }

        private boolean refused(int cp) {
            boolean lineBreakOrTab = cp == '\n' || cp == '\r' || cp == '\t';
            return cp != 0 && Character.isISOControl(cp) && !(multiline && lineBreakOrTab);
        }

        /**
         * {@code text} on one line: each run of control characters becomes one space, the ends are stripped.
         *
         * @return the cleaned text, or null when {@code text} is null or nothing but blanks and controls
         */
        public static String cleaned(String text) {
            if (text == null) {
                return null;
            }
            String cleaned = CONTROLS.matcher(text).replaceAll(" ").strip();
            return cleaned.isEmpty() ? null : cleaned;
        }
    }
}
