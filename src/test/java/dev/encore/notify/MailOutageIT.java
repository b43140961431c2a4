package dev.encore.notify;

import static dev.encore.notify.MailNotificationsIT.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts.Account;

/**
 * The SMTP server is down when Encore starts and when a mail is asked for: the start and the request
 * are not held up, the mail waits in the outbox, and it arrives once the server is up (its next try).
 */
@DirtiesContext
class MailOutageIT extends IntegrationTest {

    static final int SMTP_PORT = Mailbox.freePort();

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        Mailbox.configure(registry, SMTP_PORT);
    }

    @Test
    void aMailAskedForWhileTheServerIsDownArrivesWhenItIsUp() {
        assertThat(api.get("/readyz").statusCode()).isEqualTo(200);
        Account user = users.user();
        long start = System.nanoTime();
        assertThat(ask(api, user.email()).statusCode()).isEqualTo(202);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        await().atMost(Mailbox.ARRIVAL).until(() -> jdbc.sql("SELECT COUNT(*) FROM platform_mails "
                + "WHERE recipient = ? AND status = 'QUEUED' AND attempts >= 1").param(user.email()).query(Long.class)
                .single() == 1);
        GreenMail smtp = Mailbox.server(SMTP_PORT);
        smtp.start();
        try {
            // the next try: seconds later, or the relay's look (Mailbox.ARRIVAL) if a node without mail took it
            await().atMost(Mailbox.ARRIVAL.plusSeconds(30)).until(() -> !Mailbox.to(smtp, user.email()).isEmpty());
            assertThat(Mailbox.subject(Mailbox.to(smtp, user.email()).get(0))).isEqualTo("Reset your Encore password");
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT status FROM platform_mails "
                    + "WHERE recipient = ?").param(user.email()).query(String.class).single().equals("SENT"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_mails WHERE recipient = ? AND text_body IS NULL")
                    .param(user.email()).query(Long.class).single()).isEqualTo(1);
            assertThat(Mailbox.to(smtp, user.email())).hasSize(1);
        }
        finally {
            smtp.stop();
        }
    }
}
