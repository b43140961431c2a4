package dev.encore.notify;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.platform.MailLetter;
import dev.encore.platform.Mails;
import dev.encore.platform.backup.BackupJob;
import dev.encore.ingest.ImportsClient;
import dev.encore.support.Api;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.IntegrationTest;
import dev.encore.support.OtherNode;
import dev.encore.support.ServicesProfile;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * E-mail end to end against a GreenMail SMTP server on loopback: password reset (the mail, the link
 * working once, the old sessions ended, the same answer for unknown accounts, the limits), the
 * security alerts and the choices that silence them, and headers that a name cannot break.
 */
@DirtiesContext
class MailNotificationsIT extends IntegrationTest {

    /** The default public URL (ProblemAssert expects problem types under it). */
    static final String PUBLIC_URL = "http://localhost:8080";

    @RegisterExtension
    static final SmtpServer smtp = SmtpServer.onFreePort();

    @TempDir
    static Path otherDataDir;
    @TempDir
    static Path media;

    @Autowired
    private Mails mails;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private Environment environment;
    @Autowired
    private BackupJob backupJob;
    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        smtp.configure(registry);
        registry.add("encore.backup.dir", () -> unwritableBackups().toString());
    }

    @Test
    void aResetLinkWorksOnceAndEndsEverySession() {
        Account phone = users.user();
        Account laptop = users.signIn(phone);
        HttpResponse<String> asked = ask(api, phone.email().toUpperCase());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);

        MimeMessage mail = Mailbox.awaitSubject(smtp, phone.email(), "Reset your Encore password");
        assertThat(Mailbox.text(mail)).contains("Hello " + phone.username() + ",", PUBLIC_URL + "/reset-password#token=",
                "30 minutes");
        assertThat(Mailbox.html(mail)).contains("href=\"" + PUBLIC_URL + "/reset-password#token=");
        String token = Mailbox.resetToken(mail);

        assertProblem(confirm(api, token, "password"), 400, "validation-failed");
        assertThat(confirm(api, token, "Brand-New-Pass-7").statusCode()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", phone.accessToken()).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", laptop.accessToken()).statusCode()).isEqualTo(401);
        assertThat(users.refresh(laptop.refreshToken()).statusCode()).isEqualTo(401);
        assertThat(users.login(phone.username(), TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(users.login(phone.username(), "Brand-New-Pass-7").statusCode()).isEqualTo(200);

        assertProblem(confirm(api, token, "Another-New-Pass-8"), 400, "invalid-reset-token");
        assertProblem(confirm(api, "not-a-token", "Another-New-Pass-8"), 400, "invalid-reset-token");
        assertThat(Mailbox.text(Mailbox.awaitSubject(smtp, phone.email(), "Your Encore password was reset")))
                .contains("Every session was signed out");
    }

    @Test
    void aNewLinkEndsTheEarlierOne() {
        Account user = users.user();
        ask(api, user.username());
        String first = Mailbox.resetToken(Mailbox.await(smtp, user.email(), 1).get(0));
        ask(api, user.email());
        String second = Mailbox.resetToken(Mailbox.await(smtp, user.email(), 2).get(1));
        assertProblem(confirm(api, first, "Brand-New-Pass-7"), 400, "invalid-reset-token");
        assertThat(confirm(api, second, "Brand-New-Pass-7").statusCode()).isEqualTo(204);
    }

    @Test
    void anUnknownAccountIsAnsweredLikeAKnownOneAndGetsNoMail() {
        Account user = users.user();
        long start = System.nanoTime();
        HttpResponse<String> known = ask(api, user.email());
        long knownMillis = (System.nanoTime() - start) / 1_000_000;
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
        start = System.nanoTime();
        HttpResponse<String> unknown = ask(api, nobody);
        long unknownMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        // both take at least the padded answer time, whatever the work behind them
        assertThat(knownMillis).isGreaterThanOrEqualTo(300);
        assertThat(unknownMillis).isGreaterThanOrEqualTo(300);
        Mailbox.await(smtp, user.email(), 1);
        assertThat(Mailbox.to(smtp, nobody)).isEmpty();
    }

    @Test
    void anAccountGetsThreeLinksAnHourAndAClientFiveAsks() {
        Account user = users.user();
        for (int i = 0; i < 4; i++) {
            assertThat(ask(api, user.username()).statusCode()).isEqualTo(202);
        }
        assertThat(ask(api, "nobody-" + UUID.randomUUID()).statusCode()).isEqualTo(202);
        HttpResponse<String> sixth = ask(api, user.username());
        assertProblem(sixth, 429, "rate-limited");
        Mailbox.await(smtp, user.email(), 3);
        assertThat(Mailbox.to(smtp, user.email())).hasSize(3);
    }

    @Test
    void refusesBadAsksWithProblems() {
        assertProblem(anonymous(api, "/api/v1/auth/password-reset", "{\"identifier\":\"\"}"), 400, "validation-failed");
        assertProblem(anonymous(api, "/api/v1/auth/password-reset/confirm", "{\"token\":\"x\"}"), 400,
                "validation-failed");
        assertThat(Api.json(api.get("/api/v1/auth/password-reset")).path("available").asBoolean()).isTrue();
    }

    @Test
    void tellsOfAPasswordChangeAndASignInFromANewDeviceUnlessTurnedOff() {
        Account user = users.user(); // its first device: no alert
        assertThat(signInWith(user, "Firefox/140 on Linux").statusCode()).isEqualTo(200);
        MimeMessage alert = Mailbox.awaitSubject(smtp, user.email(), "New sign-in to your Encore account");
        assertThat(Mailbox.text(alert)).contains("Device: Firefox/140 on Linux", "Account, Notifications");
        assertThat(signInWith(user, "Firefox/140 on Linux").statusCode()).isEqualTo(200); // known now

        HttpResponse<String> off = api.send("PATCH", "/api/v1/me/notifications", user.accessToken(),
                "{\"securityAlerts\":false}");
        assertThat(Api.json(off).path("securityAlerts").asBoolean()).isFalse();
        assertThat(signInWith(user, "Safari/18 on iPhone").statusCode()).isEqualTo(200);

        assertThat(api.send("POST", "/api/v1/me/password", user.accessToken(), "{\"currentPassword\":\""
                + TestAccounts.PASSWORD + "\",\"newPassword\":\"Brand-New-Pass-7\"}").statusCode()).isEqualTo(204);
        // critical: sent although alerts are off
        assertThat(Mailbox.text(Mailbox.awaitSubject(smtp, user.email(), "Your Encore password was changed")))
                .contains("always sent");
        assertThat(Mailbox.to(smtp, user.email())).extracting(Mailbox::subject)
                .containsExactlyInAnyOrder("New sign-in to your Encore account", "Your Encore password was changed");
    }

    @Test
    void tellsTheOwnerWhenAnAdminDisablesTheAccount() {
        Account admin = users.admin();
        Account user = users.user();
        assertThat(api.send("PATCH", "/api/v1/admin/users/" + user.id(), admin.accessToken(), "{\"enabled\":false}")
                .statusCode()).isEqualTo(200);
        assertThat(Mailbox.text(Mailbox.awaitSubject(smtp, user.email(), "Your Encore account was disabled")))
                .contains("An admin of this Encore disabled your account");
        assertThat(ask(api, user.email()).statusCode()).isEqualTo(202); // a disabled account gets no link
        assertThat(Mailbox.to(smtp, user.email())).hasSize(1);
    }

    @Test
    void mailsImportUpdatesOnlyToOwnersWhoTurnedThemOn() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        try (MediaServer origin = new MediaServer()) {
            origin.file("/song.mp3", MediaTools.tone(media.resolve("song.mp3"), "Song", 440, 2), "audio/mpeg", 0);
            origin.missing("/gone.mp3");
            ImportsClient imports = new ImportsClient(port);
            Account quiet = users.user(); // import updates are off by default
            imports.awaitFinished(quiet.accessToken(), imports.start(quiet.accessToken(), origin.url("/song.mp3"), null));

            Account listener = users.user();
            api.send("PATCH", "/api/v1/me/notifications", listener.accessToken(), "{\"importUpdates\":true}");
            assertThat(Api.json(api.get("/api/v1/me/notifications", listener.accessToken())).path("importUpdates")
                    .asBoolean()).isTrue();
            assertThat(imports.awaitFinished(listener.accessToken(), imports.start(listener.accessToken(),
                    origin.url("/song.mp3"), null)).path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(Mailbox.text(Mailbox.awaitSubject(smtp, listener.email(), "Your import is ready")))
                    .contains("is ready to download", PUBLIC_URL + "/import");
            assertThat(imports.awaitFinished(listener.accessToken(), imports.start(listener.accessToken(),
                    origin.url("/gone.mp3"), null)).path("status").asString()).isEqualTo("FAILED");
            assertThat(Mailbox.text(Mailbox.awaitSubject(smtp, listener.email(), "Your import failed"))).contains("failed: ");
            assertThat(Mailbox.to(smtp, quiet.email())).isEmpty();
        }
    }

    @Test
    void tellsEveryAdminOnceADayWhenTheNightlyBackupFails() {
        Account admin = users.admin();
        long before = failedBackups();
        // the backup directory lies under a regular file here (and PostgreSQL is not backed up by Encore)
        assertThatThrownBy(backupJob::run).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(backupJob::run).isInstanceOf(RuntimeException.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> failedBackups() >= before + 2);
        MimeMessage mail = Mailbox.awaitSubject(smtp, admin.email(), "Encore's database backup failed");
        assertThat(Mailbox.text(mail)).contains(PUBLIC_URL + "/admin/backups", "because you are an admin");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM platform_mails WHERE recipient = ? AND status = 'QUEUED'").param(admin.email())
                .query(Long.class).single() == 0);
        assertThat(Mailbox.to(smtp, admin.email())).hasSize(1);
    }

    private long failedBackups() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE type = 'backup.failed'").query(Long.class).single();
    }

    @Test
    void showsAndChangesTheChoices() {
        Account user = users.user();
        assertThat(Api.json(api.get("/api/v1/me/notifications", user.accessToken())).toString())
                .isEqualTo("{\"securityAlerts\":true,\"importUpdates\":false,\"mailConfigured\":true}");
        assertThat(Api.json(api.send("PATCH", "/api/v1/me/notifications", user.accessToken(), "{\"importUpdates\":true}"))
                .toString()).isEqualTo("{\"securityAlerts\":true,\"importUpdates\":true,\"mailConfigured\":true}");
        assertProblem(api.send("PATCH", "/api/v1/me/notifications", user.accessToken(), "{\"securityAlerts\":\"no\"}"),
                400, "malformed-request");
        assertThat(api.get("/api/v1/me/notifications").statusCode()).isEqualTo(401);
    }

    @Test
    void aNameOrSubjectWithLineBreaksStartsNoHeader() throws Exception {
        String to = "eve-" + UUID.randomUUID() + "@example.org";
        transactions.executeWithoutResult(status -> mails.queue(UUID.randomUUID(), new MailLetter(to,
                "Eve\r\nBcc: thief@example.org", "Hello\r\nBcc: thief@example.org", List.of("<b>bold</b>"), null,
                null, null)));
        MimeMessage mail = Mailbox.await(smtp, to, 1).get(0);
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(Mailbox.has(mail, "Bcc")).isFalse();
        assertThat(mail.getSubject()).isEqualTo("Hello Bcc: thief@example.org");
        assertThat(((InternetAddress) mail.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Eve Bcc: thief@example.org");
        assertThat(Mailbox.to(smtp, "thief@example.org")).isEmpty();
        assertThat(Mailbox.html(mail)).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void aLinkAskedForOnOneNodeWorksOnAnother() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ServicesProfile.active(),
                "nodes share reset tokens through PostgreSQL only in the services (distributed) run");
        Account user = users.user();
        try (ConfigurableApplicationContext other = OtherNode.start(environment, otherDataDir,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
                "--encore.mail.from=Encore <encore@example.org>")) {
            Api onOther = new Api(OtherNode.port(other));
            assertThat(ask(onOther, user.email()).statusCode()).isEqualTo(202);
            String token = Mailbox.resetToken(Mailbox.await(smtp, user.email(), 1).get(0));
            assertThat(confirm(api, token, "Brand-New-Pass-7").statusCode()).isEqualTo(204);
            assertProblem(confirm(onOther, token, "Brand-New-Pass-8"), 400, "invalid-reset-token");
        }
    }

    private static Path unwritableBackups() {
        try {
            return java.nio.file.Files.createTempFile("encore-not-a-directory", ".txt").resolve("backups");
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private HttpResponse<String> signInWith(Account user, String userAgent) {
        return api.send(api.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .header("User-Agent", userAgent).POST(BodyPublishers.ofString("{\"identifier\":\"" + user.username()
                        + "\",\"password\":\"" + user.password() + "\"}")));
    }

    static HttpResponse<String> ask(Api client, String identifier) {
        return anonymous(client, "/api/v1/auth/password-reset", "{\"identifier\":\"" + identifier + "\"}");
    }

    static HttpResponse<String> confirm(Api client, String token, String password) {
        return anonymous(client, "/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}");
    }

    static HttpResponse<String> anonymous(Api client, String path, String json) {
        return client.send(client.request(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)));
    }
}
