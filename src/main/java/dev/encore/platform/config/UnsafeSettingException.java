package dev.encore.platform.config;

/**
 * A setting a profile ({@code prod}, {@code distributed}) or the ahead-of-time start
 * ({@link AotSettingsGuard#MODE}) refuses to start with; names the property and the rule.
 */
public class UnsafeSettingException extends RuntimeException {

    private final String property;
    private final String rule;
    private final String profile;

    UnsafeSettingException(String property, String rule) {
        this(property, rule, "prod");
    }

    UnsafeSettingException(String property, String rule, String profile) {
        super("Unsafe " + switch (profile) {
            case "prod" -> "production";
            case AotSettingsGuard.MODE -> "ahead-of-time";
            default -> profile;
        } + " setting " + property + ": " + rule);
        this.property = property;
        this.rule = rule;
        this.profile = profile;
    }

    public String property() {
        return property;
    }

    public String rule() {
        return rule;
    }

    /** The profile that refuses the setting, or {@link AotSettingsGuard#MODE}. */
    public String profile() {
        return profile;
    }
}
