package dev.encore.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or invalid setting into a start-up report naming the property and its environment variable. */
class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
        return new FailureAnalysis("Encore cannot start: " + cause.property() + " " + cause.rule() + ".",
                cause.action() + ". In the environment, " + cause.property() + " is "
                        + cause.property().toUpperCase().replace('.', '_').replace('-', '_') + ".",
                cause);
    }
}
