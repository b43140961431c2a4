package dev.encore.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Header values as clients mean them. HTTP gives header bytes no charset and the servlet container
 * reads them as ISO-8859-1, so a User-Agent such as {@code Jörg’s iPhone}, sent in UTF-8 as every
 * client does, arrives as {@code JÃ¶rgâ\u0080\u0099s iPhone}: Latin-1 letters and C1 control
 * characters (U+0080–U+009F), which are that UTF-8's continuation bytes, not controls anyone typed.
 */
public final class HeaderText {

    /** Assigned, non-control characters, plus the C1 range that UTF-8 bytes read as ISO-8859-1 fill. */
    private static final Pattern ACCEPTED = Pattern.compile("(?:[\\p{IsAssigned}&&[^\\p{IsControl}]]|[\\u0080-\\u009F])*");

    /**
     * What Spring Security's header firewall lets through: its default refuses every control
     * character, so a UTF-8 User-Agent with a ’ or a € in it failed sign-in. C0 controls, DEL and
     * unassigned code points are still refused.
     */
    public static final Predicate<String> ALLOWED_VALUES = value -> ACCEPTED.matcher(value).matches();

    private HeaderText() {
    }

    /** The value decoded as the UTF-8 it was sent as; unchanged when its bytes are not UTF-8 (or it is null). */
    public static String utf8(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        if (value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        }
        catch (CharacterCodingException notUtf8) {
            return value; // a Latin-1 agent, as old clients send: kept as it came
        }
    }
}
