package dev.encore.platform.storage;

import java.util.regex.Pattern;

/** The names parts may have ({@link dev.encore.platform.BlobStore#createPart}): never a path a user chose. */
final class PartNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");
    private static final int MAX = 200;

    private PartNames() {
    }

    /** {@code name}, when it is one; else {@link IllegalArgumentException}. */
    static String checked(String name) {
        if (name == null || name.length() > MAX || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a part name is [a-z0-9-] segments separated by /");
        }
        return name;
    }

    /** {@code prefix} of part names (it may end with {@code /}, or be empty). */
    static String checkedPrefix(String prefix) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return trimmed.isEmpty() ? prefix : checked(trimmed) + prefix.substring(trimmed.length());
    }
}
