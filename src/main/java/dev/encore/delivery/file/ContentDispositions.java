package dev.encore.delivery.file;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;

import dev.encore.platform.PlainText;

/** Download names in headers (RFC 6266) and zip entries, safe whatever the name contains. */
public final class ContentDispositions {

    private ContentDispositions() {
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>}: old
     * clients get a readable ASCII name, current ones the exact one.
     */
    public static String attachment(String filename) {
        return disposition("attachment", filename);
    }

    /** The same for content played in place (a stream). */
    static String inline(String filename) {
        return disposition("inline", filename);
    }

    private static String disposition(String type, String filename) {
        String safe = safeName(filename);
        StringBuilder ascii = new StringBuilder();
        for (char c : safe.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(safe);
    }

    /** A safe zip entry name, unique among {@code used} ("name (2).mp3" for a repeat). */
    public static String uniqueEntryName(String filename, Set<String> used) {
        String name = safeName(filename);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; !used.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            candidate = base + " (" + n + ")" + extension;
        }
        return candidate;
    }

    /** No separators, no control characters or bidirectional overrides, no leading dots, never empty. */
    static String safeName(String filename) {
        StringBuilder out = new StringBuilder();
        filename.codePoints().forEach(cp -> out.appendCodePoint(
                Character.isISOControl(cp) || PlainText.Check.reordersText(cp) || cp == '/' || cp == '\\' || cp == ':'
                        ? '_' : cp));
        String name = out.toString().replace("..", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        return name.isEmpty() ? "download" : name;
    }

    /** RFC 5987 attr-char encoding. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            }
            else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }
}
