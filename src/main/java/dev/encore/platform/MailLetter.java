package dev.encore.platform;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mail to one person, as its parts: Encore renders it as plain text and as simple HTML (every part
 * escaped) and keeps header values on one line. Put no secret in it beyond a link the person needs
 * (a reset link).
 *
 * @param to          the recipient's address
 * @param name        how to greet them (their display name or username); also the recipient's name
 *                    in the {@code To} header
 * @param subject     a short subject, Encore's own words (never text a user chose)
 * @param paragraphs  the message, paragraph by paragraph
 * @param actionLabel the label of the one link, or null for none
 * @param actionUrl   where it leads (under {@code encore.public-url}), or null for none
 * @param footer      a closing line in small print (why they get this), or null
 */
public record MailLetter(String to, String name, String subject, List<String> paragraphs, String actionLabel,
        URI actionUrl, String footer) {

    /** Line breaks, controls, zero-width and bidirectional characters; not the joiner U+200D, which a display
     * name keeps only inside an emoji sequence (a flattened name would break 👩‍🎤 in two). */
    private static final Pattern CONTROL = Pattern.compile(
            "[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u200B\\u200C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]+");

    public MailLetter {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        paragraphs = List.copyOf(paragraphs);
        if ((actionLabel == null) != (actionUrl == null)) {
            throw new IllegalArgumentException("an action needs both a label and a URL");
        }
    }

    /** The address of {@code path} (e.g. {@code /account}) under the public URL {@code publicUrl}. */
    public static URI link(URI publicUrl, String path) {
        return URI.create(publicUrl.toString().replaceAll("/+$", "") + path);
    }

    /**
     * {@code value} as a header may carry it: line breaks, other control characters and bidi
     * overrides become one space, so a name or subject cannot start a header of its own
     * ({@code "Eve\r\nBcc: x@example.org"}); trimmed, at most 200 characters, never null.
     */
    public static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        String clean = CONTROL.matcher(value).replaceAll(" ").trim();
        return clean.codePointCount(0, clean.length()) > 200 ? clean.substring(0, clean.offsetByCodePoints(0, 200))
                : clean; // never half a surrogate pair
    }
}
