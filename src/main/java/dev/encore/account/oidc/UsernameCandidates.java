package dev.encore.account.oidc;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Usernames for an account a provider creates, from what the provider says (preferred username, else
 * the email's local part, else the name), made safe for Encore's rule (3 to 50 letters, digits or
 * underscores): accents dropped, everything else an underscore. When the name is taken the next
 * candidates add {@code _2} … {@code _9}, then a random suffix.
 */
final class UsernameCandidates {

    static final int MAX = 50;
    private static final int BASE_MAX = MAX - 7; // room for "_" and a six-character suffix

    private UsernameCandidates() {
    }

    /** The safe base name for these claims; any of them may be null. */
    static String base(String preferredUsername, String email, String name) {
        for (String source : new String[] { preferredUsername, email == null ? null : email.split("@", 2)[0], name }) {
            String safe = safe(source);
            if (safe.length() >= 3) {
                return safe;
            }
        }
        return "user";
    }

    /** The names to try, in order: the base, then numbered, then {@code randomCount} with a random suffix. */
    static List<String> of(String base, int randomCount, Supplier<String> randomSuffix) {
        List<String> candidates = new ArrayList<>(List.of(base));
        for (int n = 2; n <= 9; n++) {
            candidates.add(base + "_" + n);
        }
        for (int i = 0; i < randomCount; i++) {
            candidates.add(base + "_" + randomSuffix.get());
        }
        return candidates;
    }

    private static String safe(String source) {
        if (source == null) {
            return "";
        }
        String plain = Normalizer.normalize(source, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String safe = plain.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_{2,}", "_").replaceAll("^_|_$", "");
        return safe.length() > BASE_MAX ? safe.substring(0, BASE_MAX) : safe;
    }
}
