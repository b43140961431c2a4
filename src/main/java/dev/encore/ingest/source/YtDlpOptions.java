package dev.encore.ingest.source;

import java.util.List;
import java.util.Set;

/**
 * The yt-dlp options an operator may add ({@code encore.ingest.extra-options}). Only options that
 * change how media is fetched, never where it goes or what runs afterwards: no {@code --exec},
 * no output templates, no config locations, no proxies (the egress guard is the only way out).
 */
public final class YtDlpOptions {

    /** Options allowed with a value ({@code --name=value}) or alone. */
    static final Set<String> SAFE = Set.of("--force-ipv4", "--force-ipv6", "--geo-bypass", "--no-geo-bypass",
            "--extractor-args", "--user-agent", "--referer", "--limit-rate", "--retries", "--fragment-retries",
            "--sleep-requests", "--sleep-interval", "--max-sleep-interval", "--concurrent-fragments",
            "--throttled-rate", "--age-limit", "--no-check-certificates", "--prefer-free-formats");

    private YtDlpOptions() {
    }

    /** Refuses (at startup) any option outside {@link #SAFE}, or one not written as {@code --name[=value]}. */
    public static void requireSafe(List<String> options) {
        if (options == null) {
            return;
        }
        for (String option : options) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            if (!SAFE.contains(name)) {
                throw new IllegalArgumentException("encore.ingest.extra-options: '" + name
                        + "' is not allowed; allowed are " + SAFE.stream().sorted().toList());
            }
        }
    }
}
