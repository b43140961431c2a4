package dev.encore.platform.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The generated admin registration key as a box that stands out among the start-up lines of a
 * human-readable console: it is shown this one time only.
 */
final class AdminKeyBox {

    private AdminKeyBox() {
    }

    /** The log message: a heading line, then the box. */
    static String of(String key, Path file) {
        List<String> lines = List.of(
                "ADMIN REGISTRATION KEY (shown this once)",
                "",
                "    " + key,
                "",
                "Register the first admin with it:",
                "  POST /api/v1/auth/register {..., \"adminKey\": \"<the key>\"}",
                "It works until an admin exists, then it is refused.",
                "Kept in " + file);
        int width = lines.stream().mapToInt(String::length).max().orElse(0) + 4;
        String rule = "+" + "=".repeat(width) + "+";
        StringBuilder box = new StringBuilder("Generated an admin registration key\n").append(rule).append('\n');
        lines.forEach(line -> box.append("|  ").append(line).append(" ".repeat(width - 2 - line.length())).append("|\n"));
        return box.append(rule).toString();
    }
}
