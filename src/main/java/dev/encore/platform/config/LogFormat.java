package dev.encore.platform.config;

import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * How the console log reads ({@code encore.logging.format}): {@code human} lines (the default, for a
 * terminal or an embedded run) or {@code json} (Elastic Common Schema, one object a line, for log
 * collectors; the {@code prod} profile's default).
 */
final class LogFormat {

    static final String PROPERTY = "encore.logging.format";

    private LogFormat() {
    }

    /** Whether the console log is JSON. */
    static boolean json(Environment environment) {
        String format = environment.getProperty(PROPERTY, "human").strip().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "json" -> true;
            case "human" -> false;
            default -> throw new IllegalArgumentException(PROPERTY + " must be human or json, not '" + format + "'");
        };
    }
}
