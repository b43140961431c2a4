package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.encore.account.oidc.IdentityProvider;
import dev.encore.support.TestAccounts;
import dev.encore.web.Browser.Viewport;

/**
 * Signing in with an identity provider in Chromium, against a real OIDC provider on loopback: the
 * buttons on the sign-in screen, the trip to the provider and back signed in, Account → Security's
 * connected accounts (connect one more, the last one kept), and a refusal the sign-in screen explains.
 */
class OidcBrowserIT extends BrowserTest {

    private static final IdentityProvider IDP = new IdentityProvider();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        IDP.register(registry, "open", "Open Identity", true);
        IDP.register(registry, "closed", "Closed Identity", false);
    }

    @AfterAll
    static void stopProvider() {
        IDP.shutdown();
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void signInWithAProviderConnectAnotherAndSeeARefusalExplained(Viewport viewport) {
        String name = TestAccounts.uniqueName();
        try (Browser browser = open(viewport)) {
            browser.go("/sign-in");
            WebElement open = provider(browser, "Sign in with Open Identity");
            provider(browser, "Sign in with Closed Identity");
            browser.screenshot("oidc-sign-in");
            check(browser, "sign-in with providers");

            IDP.nextSignIn("open", UUID.randomUUID().toString(), "encore-open", claims(name));
            open.click();
            browser.waitForPath("/library/tracks");
            check(browser, "signed in through the provider");

            browser.go("/account/security");
            WebElement keep = connectionButton(browser, "Disconnect Open Identity");
            assertThat(keep.isEnabled()).as("the only way to sign in stays").isFalse();
            assertThat(browser.screen("encore-account-security").findElements(By.cssSelector("input[type=password]")))
                    .as("no password to change").isEmpty();
            assertThat(browser.find("encore-account-security", "#password-title + p").getText()).contains("no password");
            String closedSubject = UUID.randomUUID().toString();
            IDP.nextSignIn("closed", closedSubject, "encore-closed", claims(name));
            connectionButton(browser, "Connect Closed Identity").click();
            browser.waitForPath("/account/security?connected=closed");
            assertThat(browser.waitFor(Duration.ofSeconds(10), () -> text(connections(browser), ".saved")))
                    .contains("Closed Identity connected");
            assertThat(connectionButton(browser, "Disconnect Open Identity").isEnabled()).isTrue();
            browser.script("arguments[0].scrollIntoView({block: 'start'})", browser.screen("encore-account-security")
                    .findElement(By.cssSelector("encore-connected-accounts")));
            browser.screenshot("oidc-connected-accounts");
            check(browser, "connected accounts");

            // no password: "Set a password" confirms at the provider used last, then asks for the new one
            WebElement set = browser.find("encore-account-security", "section[aria-labelledby=password-title] .row-actions button");
            assertThat(set.getText()).contains("Set a password");
            Map<String, Object> fresh = new HashMap<>(claims(name));
            fresh.put("auth_time", Instant.now().getEpochSecond());
            IDP.nextSignIn("closed", closedSubject, "encore-closed", fresh);
            set.click();
            // prompt=login: the provider's own login form, whatever session it has
            WebElement who = browser.waitFor(Duration.ofSeconds(10),
                    () -> (WebElement) browser.script("return document.querySelector('input[name=username]')"));
            who.sendKeys(closedSubject);
            browser.script("arguments[0].form.submit()", who);
            browser.waitForPath("/account/security?reauthenticated=closed");
            WebElement newPassword = browser.waitFor(Duration.ofSeconds(10), () -> browser
                    .screen("encore-account-security").findElements(By.cssSelector("input[type=password]")).stream()
                    .findFirst().orElse(null));
            newPassword.sendKeys("Brand-New-Pass-7");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", newPassword);
            browser.screenshot("oidc-set-password");
            // the provider's login page (not Encore's) asks for a web font this machine cannot reach
            check(browser, "setting a first password", "css?family=Raleway:400,300,600 - Failed to load resource: "
                    + "net::ERR_NAME_NOT_RESOLVED");
            browser.find("encore-account-security", "section[aria-labelledby=password-title] form button[type=submit]").click();
            assertThat(browser.waitFor(Duration.ofSeconds(10), () -> text(browser.screen("encore-account-security"),
                    ".saved"))).contains("Password set");
            assertThat(connectionButton(browser, "Disconnect Closed Identity").isEnabled()).isTrue();

            signOut(browser, viewport);
            IDP.nextSignIn("closed", UUID.randomUUID().toString(), "encore-closed", claims(name + "x"));
            provider(browser, "Sign in with Closed Identity").click();
            browser.waitForPath("/sign-in?oidc-error=oidc-registration-closed");
            assertThat(browser.visible("encore-sign-in", ".alert").getText()).contains("No Encore account for this sign-in");
            browser.screenshot("oidc-sign-in-refused");
            check(browser, "a refused sign-in explained");
        }
    }

    /**
     * An account without a password deletes itself from Account → Profile: the dialog sends it to its
     * provider for a fresh sign-in, and back (through Account → Security) to the dialog, which now
     * deletes without a password.
     */
    @ParameterizedTest
    @MethodSource("viewports")
    void anAccountWithoutAPasswordDeletesItselfAfterSigningInAtItsProviderAgain(Viewport viewport) {
        String name = TestAccounts.uniqueName();
        String subject = UUID.randomUUID().toString();
        try (Browser browser = open(viewport)) {
            browser.go("/sign-in");
            IDP.nextSignIn("open", subject, "encore-open", claims(name));
            provider(browser, "Sign in with Open Identity").click();
            browser.waitForPath("/library/tracks");

            browser.go("/account");
            browser.waitFor(Duration.ofSeconds(10), () -> browser.find("encore-account-profile", "section.danger-zone button"))
                    .click();
            WebElement confirm = browser.visible("encore-account-profile", "#delete-dialog .row-actions .button.danger");
            assertThat(confirm.getText()).isEqualTo("Confirm with Open Identity");
            assertThat(browser.screen("encore-account-profile").findElements(By.cssSelector("#delete-password")))
                    .as("no password to ask for").isEmpty();
            browser.screenshot("oidc-delete-confirm");
            check(browser, "deleting an account without a password");

            Map<String, Object> fresh = new HashMap<>(claims(name));
            fresh.put("auth_time", Instant.now().getEpochSecond());
            IDP.nextSignIn("open", subject, "encore-open", fresh);
            confirm.click();
            WebElement who = browser.waitFor(Duration.ofSeconds(10),
                    () -> (WebElement) browser.script("return document.querySelector('input[name=username]')"));
            who.sendKeys(subject);
            browser.script("arguments[0].form.submit()", who);
            browser.waitForPath("/account");
            WebElement delete = browser.waitFor(Duration.ofSeconds(10), () -> {
                WebElement button = browser.find("encore-account-profile", "#delete-dialog .row-actions .button.danger");
                return button.isDisplayed() && button.getText().equals("Delete for good") ? button : null;
            });
            assertThat(browser.find("encore-account-profile", "#delete-dialog p").getText())
                    .contains("You confirmed it is you at Open Identity");
            browser.screenshot("oidc-delete-confirmed");
            check(browser, "deleting after signing in at the provider again",
                    "css?family=Raleway:400,300,600 - Failed to load resource: net::ERR_NAME_NOT_RESOLVED");
            delete.click();
            browser.waitForPath("/sign-in");
            assertThat(browser.visible("encore-sign-in", ".notice").getText()).contains("Your account was deleted");
        }
    }

    private static WebElement provider(Browser browser, String label) {
        return browser.waitFor(Duration.ofSeconds(10), () -> browser.screen("encore-sign-in")
                .findElements(By.cssSelector(".providers a")).stream().filter(link -> link.getText().equals(label))
                .findFirst().orElse(null));
    }

    private static SearchContext connections(Browser browser) {
        return browser.waitFor(Duration.ofSeconds(10), () -> browser.screen("encore-account-security")
                .findElement(By.cssSelector("encore-connected-accounts")).getShadowRoot());
    }

    private static WebElement connectionButton(Browser browser, String label) {
        return browser.waitFor(Duration.ofSeconds(10), () -> connections(browser)
                .findElement(By.cssSelector("button[aria-label='" + label + "']")));
    }

    private static String text(SearchContext root, String css) {
        return root.findElements(By.cssSelector(css)).stream().map(WebElement::getText).findFirst().orElse(null);
    }

    private static Map<String, Object> claims(String name) {
        return Map.of("email", name + "@idp.example", "email_verified", true, "preferred_username", name,
                "name", "Robin " + name);
    }
}
