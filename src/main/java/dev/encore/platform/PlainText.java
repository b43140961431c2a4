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
 * U+0000–U+001F, U+007F–U+009F) and no bidirectional embeddings, overrides or isolates (U+202A–U+202E,
 * U+2066–U+2069): else 400 {@code validation-failed} naming the field. A CR or LF in a title would split
 * the lines of whatever shows or exports it (an M3U playlist, a CSV report, a log line), an escape
 * sequence would drive a terminal, and an override reorders what follows it: "track", U+202E, "gpj.exe"
 * shows as "trackexe.jpg". The right-to-left and left-to-right marks, which reorder nothing around
 * them, stay allowed for right-to-left text. A lone UTF-16 surrogate (U+D800–U+DFFF unpaired, which a JSON
 * escape can bring) is no character at all and is refused too: it cannot be written as UTF-8. {@link #multiline()} text (descriptions) may keep
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

        /** The message of text holding a lone surrogate. */
        private static final String NOT_UNICODE = "must be Unicode text: holds a lone surrogate";

        private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}+");

        private static final Pattern REORDERING = Pattern.compile("[\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]+");

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value != null && context != null && value.codePoints().anyMatch(Check::loneSurrogate)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(NOT_UNICODE).addConstraintViolation();
            }
            return value == null || value.codePoints().noneMatch(cp -> cp != 0 && refused(cp, multiline));
        }

        /**
         * The same rule for text checked by hand (a room's name, a chat message), NUL included.
         *
         * @param multiline whether line breaks and tabs are allowed
         */
        public static boolean isPlain(CharSequence value, boolean multiline) {
            return value.codePoints().noneMatch(cp -> refused(cp, multiline));
        }

        private static boolean refused(int cp, boolean multiline) {
            boolean lineBreakOrTab = cp == '\n' || cp == '\r' || cp == '\t';
            return reordersText(cp) || loneSurrogate(cp)
                    || Character.isISOControl(cp) && !(multiline && lineBreakOrTab);
        }

        /** A surrogate as {@code codePoints()} yields it: only an unpaired one is. */
        private static boolean loneSurrogate(int cp) {
            return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
        }

        /** An explicit bidirectional embedding, override or isolate, or the end of one (U+202A–U+202E, U+2066–U+2069). */
        public static boolean reordersText(int cp) {
            return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
        }

        /**
         * {@code text} on one line: each run of control characters becomes one space, the bidirectional
         * characters {@link #reordersText reordering text} are dropped, the ends are stripped.
         *
         * @return the cleaned text, or null when {@code text} is null or nothing but blanks and controls
         */
        public static String cleaned(String text) {
            if (text == null) {
                return null;
            }
            String cleaned = CONTROLS.matcher(REORDERING.matcher(text).replaceAll("")).replaceAll(" ").strip();
            return cleaned.isEmpty() ? null : cleaned;
        }
    }
}
