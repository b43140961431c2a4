package dev.encore.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.support.IntegrationTest;

/**
 * A node started without mail that takes a mail's job (any node's JobRunr server may) leaves the mail
 * for a node with mail instead of giving it up; the shared test context is such a node. The last try
 * still gives it up, so a cluster with no mail left holds no mail forever.
 */
class MailDeliveryWithoutMailIT extends IntegrationTest {

    @Autowired
    private MailDelivery delivery;
    @Autowired
    private OutgoingMailStore outbox;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aNodeWithoutMailHandsTheMailBackAndCountsTheTry() {
        UUID id = queued();

        assertThatThrownBy(() -> delivery.deliver(id)).isInstanceOf(MailDelivery.RetryLater.class);

        assertThat(row(id, "status")).isEqualTo("QUEUED");
        assertThat(row(id, "attempts")).isEqualTo("1");
        assertThat(row(id, "last_error")).isEqualTo("mail is not configured on this node");
        assertThat(outbox.pending(id)).hasValueSatisfying(mail -> assertThat(mail.text()).isEqualTo("Hello"));
    }

    @Test
    void theLastTryGivesTheMailUp() {
        UUID id = queued();
        jdbc.sql("UPDATE platform_mails SET attempts = ? WHERE id = ?").params(MailDelivery.MAX_ATTEMPTS - 1, id)
                .update();

        delivery.deliver(id);

        assertThat(row(id, "status")).isEqualTo("FAILED");
        assertThat(outbox.pending(id)).isEmpty();
    }

    private UUID queued() {
        UUID id = UUID.randomUUID();
        assertThat(outbox.add(id, "someone@example.org", "Someone", "A subject",
                new RenderedLetter("Hello", "<p>Hello</p>"), Instant.now())).isTrue();
        return id;
    }

    private String row(UUID id, String column) {
        return jdbc.sql("SELECT " + column + " FROM platform_mails WHERE id = ?").param(id).query(String.class)
                .single();
    }
}
