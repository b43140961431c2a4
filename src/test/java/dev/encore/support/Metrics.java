package dev.encore.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a metric off {@code /actuator/prometheus}, as a scraper would. */
public final class Metrics {

    private Metrics() {
    }

    /** The first sample of {@code name} (Prometheus spelling, e.g. {@code encore_stream_transcodes_total}), or 0. */
    public static double value(Api api, String adminToken, String name) {
        String metrics = api.get("/actuator/prometheus", adminToken).body();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.E+-]+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(2)) : 0;
    }
}
