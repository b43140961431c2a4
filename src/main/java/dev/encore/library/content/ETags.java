package dev.encore.library.content;

import dev.encore.platform.InvalidFieldsException;

/** Versions as ETags ({@code "3"}) and back from If-Match. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names; null when there is none (or {@code *}). */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.trim().replaceFirst("^W/", "").replace("\"", ""));
        }
        catch (NumberFormatException ex) {
            throw InvalidFieldsException.of("If-Match", "must be an ETag this API returned");
        }
    }
}
