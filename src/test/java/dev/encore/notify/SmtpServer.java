package dev.encore.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A GreenMail SMTP server on a free loopback port for one test class: register it as a static
 * {@code @RegisterExtension} field (it starts before the class's tests, before Spring starts the
 * application, and stops after them) and point Encore at it with {@link #configure}.
 */
public final class SmtpServer extends GreenMail implements BeforeAllCallback, AfterAllCallback {

    private final int port;

    private SmtpServer(int port) {
        super(new ServerSetup(port, "127.0.0.1", "smtp"));
        this.port = port;
    }

    /** A server on a free port, not started. */
    public static SmtpServer onFreePort() {
        return new SmtpServer(Mailbox.freePort());
    }

    public int port() {
        return port;
    }

    /** Points Encore's mail at this server. */
    public void configure(DynamicPropertyRegistry registry) {
        Mailbox.configure(registry, port);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }
}
