package dev.encore.platform.config;

/**
 * A setting that another setting makes necessary is missing or invalid (a mail server without a
 * sender address): the start stops, and {@link MissingSettingFailureAnalyzer} reports which
 * property to set and how, instead of a stack trace.
 */
public class MissingSettingException extends RuntimeException {

    private final String property;
    private final String rule;
    private final String action;

    /**
     * @param property the setting to change, e.g. {@code encore.mail.from}
     * @param rule     what is wrong, a sentence's end: "must be set when spring.mail.host is"
     * @param action   what to do instead, a whole sentence
     */
    public MissingSettingException(String property, String rule, String action) {
        super(property + " " + rule);
        this.property = property;
        this.rule = rule;
        this.action = action;
    }

    public String property() {
        return property;
    }

    public String rule() {
        return rule;
    }

    public String action() {
        return action;
    }
}
