package dev.encore.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused setting into a start-up report that says what to change. */
class UnsafeSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettingException cause) {
        if (AotSettingsGuard.MODE.equals(cause.profile())) {
            return new FailureAnalysis("Encore refuses this ahead-of-time start (-Dspring.aot.enabled=true): "
                    + cause.property() + " " + cause.rule() + ".",
                    "Start without -Dspring.aot.enabled=true (a plain start decides its components from the settings "
                            + "it is given), or leave " + cause.property() + " as the build had it.",
                    cause);
        }
        return new FailureAnalysis(
                "Encore refuses to start with the " + cause.profile() + " profile: " + cause.property() + " " + cause.rule() + ".",
                "Set " + cause.property() + " (environment variable "
                        + cause.property().toUpperCase().replace('.', '_').replace('-', '_')
                        + ") to a safe value, or run without the " + cause.profile() + " profile.",
                cause);
    }
}
