package dev.encore.platform.config;

/** A setting the {@code prod} profile refuses to start with; names the property and the rule. */
public class UnsafeSettingException extends RuntimeException {

    private final String property;
    private final String rule;

    UnsafeSettingException(String property, String rule) {
        super("Unsafe production setting " + property + ": " + rule);
        this.property = property;
        this.rule = rule;
    }

    public String property() {
        return property;
    }

    public String rule() {
        return rule;
    }
}
