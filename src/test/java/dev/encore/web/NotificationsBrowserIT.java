package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.encore.notify.Mailbox;
import dev.encore.notify.SmtpServer;
import dev.encore.support.Api;
import dev.encore.support.TestAccounts.Account;
import dev.encore.web.Browser.Viewport;

/**
 * "Forgot password?" in a real browser, with a GreenMail SMTP server on loopback: asking for a link,
 * following the mail's link to choose a new password (a weak one refused first), signing in with it,
 * and the Notifications section of the account. Every step leaves the console quiet and passes axe-core.
 */
class NotificationsBrowserIT extends BrowserTest {

    @RegisterExtension
    static final SmtpServer smtp = SmtpServer.onFreePort();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        smtp.configure(registry);
        // both viewports ask from the browser's one loopback address
        registry.add("encore.ratelimit.limits.password-reset.capacity", () -> 100);
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void forgotPasswordResetAndNotificationChoices(Viewport viewport) {
        Account account = users.user();
        try (Browser browser = open(viewport)) {
            browser.go("/sign-in");
            browser.visible("encore-sign-in", "a.forgot");
            browser.screenshot("sign-in-forgot-password");
            check(browser, "sign-in with Forgot password?");
            browser.find("encore-sign-in", "a.forgot").click();
            browser.waitForPath("/forgot-password");
            browser.type("encore-forgot-password", "#identifier", account.email() + Keys.ENTER);
            assertThat(browser.visible("encore-forgot-password", ".notice").getText()).contains("Check your mail");
            browser.screenshot("forgot-password");
            check(browser, "reset link asked for");

            String token = Mailbox.resetToken(Mailbox.await(smtp, account.email(), 1).get(0));
            browser.go("/reset-password#token=" + token);
            browser.visible("encore-reset-password", "#newPassword");
            assertThat(browser.path()).isEqualTo("/reset-password"); // the token left the address bar
            browser.type("encore-reset-password", "#newPassword", "password" + Keys.ENTER);
            assertThat(browser.visible("encore-reset-password", "#newPassword-error").getText()).isNotBlank();
            browser.screenshot("reset-password");
            check(browser, "weak new password", "/api/v1/auth/password-reset/confirm - Failed to load resource: "
                    + "the server responded with a status of 400 ()");
            browser.type("encore-reset-password", "#newPassword", "Brand-New-Pass-7" + Keys.ENTER);
            assertThat(browser.visible("encore-reset-password", ".notice").getText()).contains("Your password is set");
            check(browser, "password set");

            Account renewed = new Account(account.id(), account.username(), account.email(), "Brand-New-Pass-7", null,
                    null, null);
            signIn(browser, renewed);
            browser.go("/account/notifications");
            browser.visible("encore-account-notifications", "input[name=importUpdates]").click();
            browser.waitFor(java.time.Duration.ofSeconds(10), () -> browser.find("encore-account-notifications",
                    "[aria-live=polite]").getText().contains("Import updates on") ? true : null);
            browser.screenshot("account-notifications");
            check(browser, "notification choices");
            Account signedIn = users.signIn(renewed);
            assertThat(Api.json(api.get("/api/v1/me/notifications", signedIn.accessToken())).path("importUpdates")
                    .asBoolean()).isTrue();
        }
    }
}
