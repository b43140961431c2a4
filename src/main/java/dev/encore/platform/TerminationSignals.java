package dev.encore.platform;

import sun.misc.Signal;

/**
 * Makes SIGTERM and SIGINT a clean exit.
 *
 * <p>The JVM's default handler runs the shutdown hooks (Spring's graceful shutdown) and then
 * exits with 143, which process supervisors report as a failure. Encore treats a termination
 * request as the normal way to stop: it runs the same hooks through {@link System#exit(int)}
 * with status 0 once in-flight requests have drained.
 */
public final class TerminationSignals {

    private TerminationSignals() {
    }

    /** Installs the handlers; call once from {@code main}, never from tests. */
    public static void exitCleanlyOnTerm() {
        for (String name : new String[] { "TERM", "INT" }) {
            Signal.handle(new Signal(name), signal -> System.exit(0));
        }
    }
}
