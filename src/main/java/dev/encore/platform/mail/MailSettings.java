package dev.encore.platform.mail;

import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import dev.encore.platform.config.MissingSettingException;

/**
 * Checks the mail settings at start and bounds every SMTP conversation: with an SMTP server
 * configured, {@code encore.mail.from} must be a valid address (Encore refuses to start naming it),
 * and connecting, reading and writing time out after 10 seconds unless
 * {@code spring.mail.properties.mail.smtp.*timeout} says otherwise, so a server that does not answer
 * holds a job's worker, never a request or the start (nothing connects at start).
 */
@Component
class MailSettings {

    static final String TIMEOUT_MS = "10000";

    MailSettings(ObjectProvider<JavaMailSender> sender, MailProperties properties) {
        JavaMailSender configured = sender.getIfAvailable();
        if (configured == null || !properties.enabled()) {
            return;
        }
        if (properties.from() == null || properties.from().isBlank()) {
            throw new MissingSettingException("encore.mail.from", "must be set when spring.mail.host is",
                    "Set encore.mail.from to the address mails come from, e.g. 'Encore <encore@example.org>', or "
                            + "encore.mail.enabled=false to keep the server set but send nothing");
        }
        try {
            jakarta.mail.internet.InternetAddress.parse(properties.from(), true);
        }
        catch (jakarta.mail.internet.AddressException ex) {
            throw new MissingSettingException("encore.mail.from", "is not a valid address (" + ex.getMessage() + ")",
                    "Set encore.mail.from to an address such as 'Encore <encore@example.org>'");
        }
        if (configured instanceof JavaMailSenderImpl smtp) {
            Properties settings = smtp.getJavaMailProperties();
            for (String key : new String[] { "connectiontimeout", "timeout", "writetimeout" }) {
                settings.putIfAbsent("mail.smtp." + key, TIMEOUT_MS);
                settings.putIfAbsent("mail.smtps." + key, TIMEOUT_MS);
            }
        }
    }
}
