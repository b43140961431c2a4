package dev.encore.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Reads what a GreenMail server on loopback received, per recipient. */
public final class Mailbox {

    private static final Pattern RESET_TOKEN = Pattern.compile("/reset-password#token=([A-Za-z0-9_-]+)");

    private Mailbox() {
    }

    /** A GreenMail SMTP server on loopback at {@code port} (not started). */
    public static GreenMail server(int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    }

    /** Points Encore's mail at an SMTP server on loopback at {@code port}. */
    public static void configure(DynamicPropertyRegistry registry, int port) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("encore.mail.from", () -> "Encore <encore@example.org>");
    }

    /** A free loopback port for an SMTP server. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The mails {@code address} received so far. */
    public static List<MimeMessage> to(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> recipients(message).contains(address))
                .toList();
    }

    /**
     * How long a mail may take to arrive. Usually a second; but the test JVM's cached shared context is
     * a node without mail on the same database, whose JobRunr server may take a mail's job and leave the
     * mail, which a node with mail then sends once it is a minute overdue (MailRelay, looking every 15 s).
     */
    public static final Duration ARRIVAL = Duration.ofMinutes(2);

    /** Waits until {@code address} has at least {@code count} mails, and answers them all. */
    public static List<MimeMessage> await(GreenMail mail, String address, int count) {
        org.awaitility.Awaitility.await().atMost(ARRIVAL).until(() -> to(mail, address).size() >= count);
        return to(mail, address);
    }

    /** The one mail to {@code address} whose subject is {@code subject}, waited for. */
    public static MimeMessage awaitSubject(GreenMail mail, String address, String subject) {
        org.awaitility.Awaitility.await().atMost(ARRIVAL).until(() -> to(mail, address).stream().anyMatch(m -> subject(m).equals(subject)));
        return to(mail, address).stream().filter(m -> subject(m).equals(subject)).findFirst().orElseThrow();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The plain-text body. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML body. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    /** The reset token in the mail's link. */
    public static String resetToken(MimeMessage message) {
        Matcher token = RESET_TOKEN.matcher(text(message));
        if (!token.find()) {
            throw new AssertionError("no reset link in: " + text(message));
        }
        return token.group(1);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(address -> ((jakarta.mail.internet.InternetAddress) address)
                    .getAddress()).toList();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = part(child, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        catch (MessagingException | IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Whether the mail carries {@code header} at all. */
    public static boolean has(Message message, String header) {
        try {
            return message.getHeader(header) != null;
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
