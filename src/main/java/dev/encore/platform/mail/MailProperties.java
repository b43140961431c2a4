package dev.encore.platform.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Encore's side of e-mail ({@code encore.mail.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}. Mail is on when {@code spring.mail.host} is set and {@link #enabled} is not
 * false; then {@link #from} must be set too, or Encore refuses to start naming it.
 *
 * @param enabled     false keeps mail off even with an SMTP server configured
 * @param from        the sender, e.g. {@code Encore <encore@example.org>}
 * @param maxPerHour  how many mails the whole service sends in any hour at most; more wait their turn
 */
@Validated
@ConfigurationProperties("encore.mail")
public record MailProperties(@DefaultValue("true") boolean enabled,
        @Size(max = 320) String from,
        @Min(1) @Max(100_000) @DefaultValue("200") int maxPerHour) {
}
