package dev.encore.ingest.files;

import java.text.Normalizer;

/**
 * Display and download names. They are metadata only (stored bytes are addressed by hash), but
 * they end up in {@code Content-Disposition} headers and zip entries, so they carry no path
 * separators, no control characters, no leading dots and a bounded length.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /** {@code base} made safe, with {@code extension}; "audio" when nothing usable is left. */
    public static String of(String base, String extension) {
        return safe(base, "audio") + "." + extension;
    }

    /** {@code base} made safe, without an extension; {@code fallback} when nothing usable is left. */
    static String safe(String base, String fallback) {
        String name = base == null ? "" : Normalizer.normalize(base, Normalizer.Form.NFC);
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> safe.appendCodePoint(
                Character.isISOControl(cp) || "/\\:*?\"<>|".indexOf(cp) >= 0 || Character.getType(cp) == Character.FORMAT
                        ? '_' : cp));
        String cleaned = safe.toString().replace("..", "_").strip();
        while (cleaned.startsWith(".") || cleaned.startsWith("-")) {
            cleaned = cleaned.substring(1).strip();
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return cleaned.isEmpty() ? fallback : cleaned;
    }
}
