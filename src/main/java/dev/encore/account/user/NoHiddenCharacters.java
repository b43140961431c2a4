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
 * naming the field and the first such character. Two exceptions keep emoji whole: the joiner U+200D
 * between two pictographs (a skin tone or U+FE0F may follow the first), as in a family or a rainbow
 * flag, and the tag characters of a subdivision flag (U+1F3F4, tags, U+E007F), as in Scotland's.
 * NUL is left to the rule every request record has (one message, not two); null passes.
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

        private static final int ZERO_WIDTH_JOINER = 0x200D;

        private static final int EMOJI_PRESENTATION = 0xFE0F;

        private static final int BLACK_FLAG = 0x1F3F4;

        /** The tag characters (TAG SPACE to CANCEL TAG) that spell a subdivision flag's region. */
        private static final int TAG_FIRST = 0xE0020;

        private static final int TAG_END = 0xE007F;

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int hidden = firstHidden(value.codePoints().toArray());
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

        /** The first code point that hides, outside the emoji sequences that need one; -1 if none. */
        private static int firstHidden(int[] cps) {
            for (int i = 0; i < cps.length; i++) {
                int cp = cps[i];
                if (cp == 0 || !hidden(cp)) {
                    continue;
                }
                if (cp == ZERO_WIDTH_JOINER && joinsPictographs(cps, i)) {
                    continue;
                }
                if (cp >= TAG_FIRST && cp <= TAG_END) {
                    int end = subdivisionFlagEnd(cps, i);
                    if (end > 0) {
                        i = end;
                        continue;
                    }
                }
                return cp;
            }
            return -1;
        }

        /** Whether the joiner at {@code at} stands between two pictographs (as in 👩‍🎤 or 🏳️‍🌈). */
        private static boolean joinsPictographs(int[] cps, int at) {
            int before = at - 1;
            while (before >= 0 && (cps[before] == EMOJI_PRESENTATION || Character.isEmojiModifier(cps[before]))) {
                before--;
            }
            return before >= 0 && at + 1 < cps.length && Character.isExtendedPictographic(cps[before])
                    && Character.isExtendedPictographic(cps[at + 1]);
        }

        /**
         * Where the subdivision flag whose tags start at {@code at} ends (its cancel tag), if the tags
         * follow a black flag and are ended by one; else -1.
         */
        private static int subdivisionFlagEnd(int[] cps, int at) {
            if (at == 0 || cps[at - 1] != BLACK_FLAG) {
                return -1;
            }
            for (int i = at; i < cps.length && cps[i] >= TAG_FIRST && cps[i] <= TAG_END; i++) {
                if (cps[i] == TAG_END) {
                    return i > at ? i : -1;
                }
            }
            return -1;
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
