package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

import dev.encore.account.mfa.TotpCodes;
import dev.encore.support.Api;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;
import dev.encore.web.Browser.Viewport;

/**
 * The account and admin screens in a real browser, at desktop and phone width: the profile with a
 * field error, two-step verification set up after the password from the page's QR code and key
 * (then signing in with a code), the recovery codes and new ones, a password change, signing out another session,
 * deleting the account; an admin searches the users and disables one whose open tab is then signed out, resets
 * a member's two-step verification, filters
 * the audit trail and reads the status page; and a session's silent refresh and sign-out across
 * tabs. Every step leaves the console quiet and passes axe-core.
 */
class AccountAdminBrowserIT extends BrowserTest {

    private static final String NEW_PASSWORD = "Another-Horse-77";
    private static final String MFA_REQUIRED = "/api/v1/auth/login?cookie=true - Failed to load resource: the server "
            + "responded with a status of 401 ()";

    @ParameterizedTest
    @MethodSource("viewports")
    void profileTwoStepVerificationPasswordSessionsAndDeletion(Viewport viewport) {
        Account account = users.user(); // signed in through the API too: another session
        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            browser.go("/account");
            browser.visible("encore-account-profile", "#displayName");
            check(browser, "account");

            browser.type("encore-account-profile", "#email", "not an email");
            browser.find("encore-account-profile", "form.stack button[type=submit]").click();
            assertThat(browser.visible("encore-account-profile", "#email-error").getText()).contains("email");
            assertThat(browser.find("encore-account-profile", "#email").getAttribute("aria-invalid")).isEqualTo("true");
            check(browser, "profile with a field error", failed("/api/v1/me", 400));

            browser.type("encore-account-profile", "#displayName", "Robin Vega");
            browser.type("encore-account-profile", "#email", account.username() + "@example.net");
            browser.find("encore-account-profile", "form.stack button[type=submit]").click();
            assertThat(browser.visible("encore-account-profile", ".saved").getText()).contains("Saved");
            JsonView me = JsonView.of(api.get("/api/v1/me", account.accessToken()).body());
            assertThat(me.text("displayName")).isEqualTo("Robin Vega");
            assertThat(me.text("email")).isEqualTo(account.username() + "@example.net");
            assertThat(browser.find("encore-account-profile", "h1").getText()).isEqualTo("Robin Vega");
            browser.screenshot("account");
            check(browser, "profile saved");

            // two-step verification: the key and the QR code from the page, a code from "the app"
            browser.find("encore-account-profile", "a[href='/account/security']").click();
            browser.waitForPath("/account/security");
            browser.visible("encore-account-security", ".mfa button.primary").click();
            browser.type("encore-account-security", "#mfa-password", "Not-The-Password-1" + Keys.ENTER);
            assertThat(browser.visible("encore-account-security", "#mfa-password-error").getText())
                    .contains("not correct");
            assertThat(browser.find("encore-account-security", "#mfa-password").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            browser.screenshot("mfa-password");
            check(browser, "two-step verification with a wrong password", failed("/api/v1/me/mfa/totp", 400));
            browser.type("encore-account-security", "#mfa-password", account.password() + Keys.ENTER);
            String secret = browser.visible("encore-account-security", "#totp-secret").getText().replace(" ", "");
            assertThat(secret).matches("[A-Z2-7]{32}");
            assertThat(browser.find("encore-account-security", ".qr path").getAttribute("d")).startsWith("M0 0h7");
            browser.screenshot("mfa-setup");
            check(browser, "two-step verification setup");

            browser.type("encore-account-security", "#confirm-code", "000000" + Keys.ENTER);
            assertThat(browser.visible("encore-account-security", "#confirm-code-error").getText()).contains("not right");
            check(browser, "a wrong code", failed("/api/v1/me/mfa/totp/confirm", 401));
            browser.type("encore-account-security", "#confirm-code", TotpCodes.now(secret, 0) + Keys.ENTER);
            browser.visible("encore-account-security", ".codes li");
            List<String> codes = browser.screen("encore-account-security").findElements(By.cssSelector(".codes li"))
                    .stream().map(WebElement::getText).toList();
            assertThat(codes).hasSize(10).doesNotHaveDuplicates();
            WebElement download = browser.find("encore-account-security", "a[download]");
            assertThat(download.getAttribute("download")).isEqualTo("encore-recovery-codes.txt");
            assertThat(download.getAttribute("href")).as("a file made in the page").startsWith("blob:http://localhost:");
            check(browser, "recovery codes");
            browser.find("encore-account-security", ".codes + .row-actions button.primary").click();
            assertThat(browser.visible("encore-account-security", ".mfa .pill.good").getText()).contains("On");

            // new recovery codes, with one of the codes shown: the earlier ones stop working
            button(browser, "New recovery codes…").click();
            browser.type("encore-account-security", "#renew-code", codes.getLast() + Keys.ENTER);
            waitUntil(() -> !browser.screen("encore-account-security").findElements(By.cssSelector(".codes li")).isEmpty());
            List<String> renewed = browser.screen("encore-account-security").findElements(By.cssSelector(".codes li"))
                    .stream().map(WebElement::getText).toList();
            assertThat(renewed).hasSize(10).doesNotContainAnyElementsOf(codes);
            check(browser, "new recovery codes");
            browser.find("encore-account-security", ".codes + .row-actions button.primary").click();
            browser.visible("encore-account-security", ".mfa .pill.good");

            browser.find("encore-account-security", ".mfa button.secondary").click();
            assertThat(browser.visible("encore-account-security", "label[for=disable-code]").getText())
                    .isEqualTo("Code from your authenticator app, or a recovery code");
            check(browser, "turning two-step verification off asks for a code");
            browser.find("encore-account-security", ".mfa button.quiet").click();
            browser.visible("encore-account-security", ".mfa button.secondary");

            // password: the wrong current one is named under its field, then the change
            browser.type("encore-account-security", "#currentPassword", "Not-The-Password-1");
            browser.type("encore-account-security", "#newPassword", NEW_PASSWORD + Keys.ENTER);
            assertThat(browser.visible("encore-account-security", "#currentPassword-error").getText())
                    .contains("not correct");
            check(browser, "wrong current password", failed("/api/v1/me/password", 400));
            browser.type("encore-account-security", "#currentPassword", account.password());
            browser.type("encore-account-security", "#newPassword", NEW_PASSWORD + Keys.ENTER);
            assertThat(browser.visible("encore-account-security", ".saved").getText()).contains("Password changed");
            assertThat(users.refresh(account.refreshToken()).statusCode()).as("the other session ended").isEqualTo(401);
            check(browser, "password changed");

            // signing in again asks for the code
            signOut(browser, viewport);
            browser.type("encore-sign-in", "#identifier", account.username());
            browser.type("encore-sign-in", "#password", NEW_PASSWORD + Keys.ENTER);
            browser.type("encore-sign-in", "#code", TotpCodes.now(secret, 1) + Keys.ENTER);
            browser.waitForPath("/library/tracks");
            check(browser, "signed in with a code", MFA_REQUIRED);

            // sessions: this one marked, another one signed out from here
            Account moved = new Account(account.id(), account.username(), account.email(), NEW_PASSWORD, null, null, null);
            Account other = users.signIn(moved, "recoveryCode", renewed.getFirst()); // a code the page showed last
            browser.go("/account/sessions");
            browser.visible("encore-account-sessions", "li.session");
            assertThat(browser.screen("encore-account-sessions").findElements(By.cssSelector("li.session"))).hasSize(2);
            assertThat(browser.find("encore-account-sessions", "li.session .pill").getText()).isEqualTo("This device");
            check(browser, "sessions");
            browser.find("encore-account-sessions", "li.session[data-session='" + other.sessionId() + "'] button").click();
            waitUntil(() -> browser.screen("encore-account-sessions").findElements(By.cssSelector("li.session")).size() == 1);
            assertThat(users.refresh(other.refreshToken()).statusCode()).as("the session signed out").isEqualTo(401);
            check(browser, "another session signed out");

            // deleting the account: a dialog, the password
            browser.go("/account");
            browser.visible("encore-account-profile", ".danger-zone button").click();
            browser.type("encore-account-profile", "#delete-password", "Not-The-Password-1" + Keys.ENTER);
            assertThat(browser.visible("encore-account-profile", "#delete-password-error").getText()).contains("not correct");
            check(browser, "delete with a wrong password", failed("/api/v1/me", 400));
            browser.type("encore-account-profile", "#delete-password", NEW_PASSWORD + Keys.ENTER);
            browser.waitForPath("/sign-in");
            assertThat(browser.visible("encore-sign-in", ".notice").getText()).contains("Your account was deleted");
            check(browser, "account deleted");
            assertThat(users.login(account.username(), NEW_PASSWORD).statusCode()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void adminDisablesAUserWhoseOpenTabIsSignedOutThenAuditAndStatus(Viewport viewport) {
        Account admin = users.admin();
        Account member = users.user();
        try (Browser memberBrowser = open(viewport); Browser browser = open(viewport)) {
            signIn(memberBrowser, member);
            memberBrowser.go("/account");
            memberBrowser.visible("encore-account-profile", "#displayName");
            assertThat(memberBrowser.script("return document.querySelector('encore-app').shadowRoot"
                    + ".querySelectorAll('a[href^=\"/admin\"]').length")).as("no admin navigation").isEqualTo(0L);
            memberBrowser.go("/admin/users");
            memberBrowser.visible("encore-not-found", "h1");
            check(memberBrowser, "admin screens are not there for members");
            memberBrowser.go("/library/tracks");
            memberBrowser.visible("encore-tracks", ".state h2");

            signIn(browser, admin);
            browser.go("/admin/users");
            browser.visible("encore-admin-users", "li.user");
            browser.type("encore-admin-users", "#q", member.username().toUpperCase());
            waitUntil(() -> browser.screen("encore-admin-users").findElements(By.cssSelector("li.user")).size() == 1
                    && !browser.screen("encore-admin-users").findElements(
                            By.cssSelector("li.user[data-user='" + member.username() + "']")).isEmpty());
            assertThat(browser.path()).isEqualTo("/admin/users?q=" + member.username().toUpperCase());
            browser.screenshot("admin-users");
            check(browser, "users searched");

            WebElement row = browser.find("encore-admin-users", "li.user[data-user='" + member.username() + "']");
            row.findElement(By.cssSelector("button.danger")).click();
            waitUntil(() -> browser.find("encore-admin-users", "li.user[data-user='" + member.username() + "'] .pill.bad")
                    .getText().equals("Disabled"));
            check(browser, "user disabled");

            // the member's open tab notices by itself, within its check interval, and says why
            memberBrowser.waitForPathStartingWith("/sign-in?next=", Duration.ofSeconds(45));
            assertThat(memberBrowser.visible("encore-sign-in", ".notice").getText()).contains("You were signed out");
            check(memberBrowser, "the disabled user's tab signed out", failed("/api/v1/me", 401),
                    failed("/api/v1/auth/refresh?cookie=true", 401));
            memberBrowser.type("encore-sign-in", "#identifier", member.username());
            memberBrowser.type("encore-sign-in", "#password", member.password() + Keys.ENTER);
            assertThat(memberBrowser.visible("encore-sign-in", ".alert").getText()).containsIgnoringCase("disabled");
            check(memberBrowser, "a disabled account cannot sign in", failed("/api/v1/auth/login?cookie=true", 403));

            browser.find("encore-admin-users", "li.user[data-user='" + member.username() + "'] .actions button.primary")
                    .click();
            waitUntil(() -> browser.find("encore-admin-users", "li.user[data-user='" + member.username() + "'] .pill.good")
                    .getText().equals("Active"));
            check(browser, "user enabled again");

            // two-step verification reset for a member who lost authenticator and recovery codes
            Account again = users.signIn(member);
            String secret = JsonView.of(api.send("POST", "/api/v1/me/mfa/totp", again.accessToken(),
                    "{\"password\":\"" + member.password() + "\"}").body()).text("secret");
            api.send("POST", "/api/v1/me/mfa/totp/confirm", again.accessToken(),
                    "{\"code\":\"" + TotpCodes.now(secret, 0) + "\"}");
            browser.go("/admin/users?q=" + member.username());
            browser.visible("encore-admin-users", "li.user[data-user='" + member.username() + "'] .actions");
            WebElement reset = browser.find("encore-admin-users", "li.user[data-user='" + member.username()
                    + "'] button[aria-label='Reset two-step verification of " + member.username() + "']");
            reset.click();
            waitUntil(() -> browser.screen("encore-admin-users").findElements(By.cssSelector(
                    "li.user[data-user='" + member.username() + "'] button[aria-label^='Reset two-step']")).isEmpty());
            assertThat(new TestAccounts(new Api(PORT)).login(member.username(), member.password()).statusCode())
                    .as("the password alone signs in").isEqualTo(200);
            check(browser, "two-step verification reset");

            // the audit trail: what this admin did to accounts
            browser.go("/admin/audit");
            browser.visible("encore-admin-audit", "li.event");
            new Select(browser.find("encore-admin-audit", "#type")).selectByValue("admin.user-updated");
            browser.type("encore-admin-audit", "#actor", admin.username() + Keys.ENTER);
            waitUntil(() -> browser.path().contains("type=admin.user-updated") && browser.path().contains("actor="));
            browser.visible("encore-admin-audit", "li.event");
            List<WebElement> events = browser.screen("encore-admin-audit").findElements(By.cssSelector("li.event"));
            assertThat(events).hasSize(2).allSatisfy(event ->
                    assertThat(event.getAttribute("data-type")).isEqualTo("admin.user-updated"));
            assertThat(events.getFirst().getText()).contains("Account changed by an admin", "you");
            browser.screenshot("admin-audit");
            check(browser, "audit trail filtered");

            browser.go("/admin/status");
            browser.visible("encore-admin-status", "li.component[data-component='db'] .pill.good");
            assertThat(browser.find("encore-admin-status", ".tools").getText()).contains("ffmpeg", "yt-dlp");
            assertThat(browser.find("encore-admin-status", "li.component[data-component='diskSpace']").getText())
                    .contains("free");
            browser.screenshot("admin-status");
            check(browser, "status");
        }
    }

    /** The button of the account security screen with this text. */
    private static WebElement button(Browser browser, String text) {
        return browser.screen("encore-account-security").findElements(By.cssSelector(".mfa button")).stream()
                .filter(button -> button.getText().contains(text)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void aSilentRefreshKeepsTheSessionAndSigningOutReachesEveryTab(Viewport viewport) {
        Account account = users.user();
        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            String first = browser.tab();
            String second = browser.openTab("/account/sessions");
            browser.visible("encore-account-sessions", "li.session .pill");

            // the refresh that runs before the access token expires: a new token, the same session, still signed in
            @SuppressWarnings("unchecked")
            List<Object> refreshed = (List<Object>) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    const base = document.querySelector('script[type=module]').src.replace(/app\\.js$/, '');
                    import(base + 'core/session.js').then(async ({ session }) => {
                      const before = session.token;
                      const ok = await session.refresh();
                      done([ok, before !== session.token, session.signedIn]);
                    });
                    """);
            assertThat(refreshed).containsExactly(true, true, true);
            browser.find("encore-account-sessions", "a[href='/account']").click();
            browser.visible("encore-account-profile", "#displayName");
            check(browser, "after a silent refresh");

            browser.switchToTab(first);
            signOut(browser, viewport);
            browser.switchToTab(second);
            browser.waitForPathStartingWith("/sign-in", Duration.ofSeconds(10));
            assertThat(browser.visible("encore-sign-in", ".notice").getText()).contains("another tab");
            check(browser, "signed out in the other tab");
        }
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void theOnlyActiveAdminIsNotOfferedWhatTheApiRefusesUntilThereIsAnother(Viewport viewport) {
        Account admin = users.admin();
        Account member = users.user();
        demoteEveryOtherAdmin(admin);
        try (Browser browser = open(viewport)) {
            signIn(browser, admin);
            browser.go("/admin/users?q=" + admin.username());
            String mine = "li.user[data-user='" + admin.username() + "']";
            WebElement row = browser.find("encore-admin-users", mine);
            assertThat(row.findElement(By.cssSelector("button[aria-label^='Remove admin role from']")).isEnabled()).isFalse();
            assertThat(row.findElement(By.cssSelector("button[aria-label^='Disable']")).isEnabled()).isFalse();
            WebElement why = row.findElement(By.cssSelector(".why"));
            assertThat(why.getText()).contains("The only active admin");
            assertThat(row.findElement(By.cssSelector("button[aria-label^='Disable']")).getAttribute("aria-describedby"))
                    .isEqualTo(why.getAttribute("id"));
            browser.screenshot("admin-users-last-admin");
            check(browser, "the only active admin");

            browser.type("encore-admin-users", "#q", member.username());
            String theirs = "li.user[data-user='" + member.username() + "']";
            browser.find("encore-admin-users", theirs + " button[aria-label^='Make admin']").click();
            waitUntil(() -> !browser.screen("encore-admin-users").findElements(By.cssSelector(theirs + " .pill.accent")).isEmpty());
            browser.type("encore-admin-users", "#q", admin.username());
            waitUntil(() -> browser.find("encore-admin-users", mine + " button[aria-label^='Disable']").isEnabled()
                    && browser.screen("encore-admin-users").findElements(By.cssSelector(mine + " .why")).isEmpty());
            assertThat(browser.find("encore-admin-users", mine + " button[aria-label^='Remove admin role from']").isEnabled())
                    .isTrue();
            check(browser, "another admin: the first may step down");
        }
    }

    /** Takes the admin role from every enabled admin but {@code keep} (each PATCH from its own client address: rate limits). */
    private void demoteEveryOtherAdmin(Account keep) {
        JsonNode result;
        int page = 0;
        do {
            result = Api.json(api.get("/api/v1/admin/users?size=100&page=" + page++, keep.accessToken()));
            result.path("items").valueStream()
                    .filter(user -> !user.path("id").asString().equals(keep.id()))
                    .filter(user -> user.path("roles").valueStream().anyMatch(role -> role.asString().equals("ADMIN")))
                    .forEach(user -> assertThat(new Api(port).send("PATCH", "/api/v1/admin/users/"
                            + user.path("id").asString(), keep.accessToken(), "{\"roles\":[\"USER\"]}").statusCode())
                            .isEqualTo(200));
        } while (result.path("hasNext").asBoolean());
    }

    private static String failed(String path, int status) {
        return path + " - Failed to load resource: the server responded with a status of " + status + " ()";
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited 10 s in vain");
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A JSON answer read field by field. */
    private record JsonView(tools.jackson.databind.JsonNode node) {

        static JsonView of(String body) {
            return new JsonView(Api.json(body));
        }

        String text(String field) {
            return node.path(field).asString();
        }
    }
}
