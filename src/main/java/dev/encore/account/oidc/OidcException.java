package dev.encore.account.oidc;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/**
 * A refused OIDC request: a problem+json for API calls, or, for the browser's trips to and from the
 * provider, a redirect to the web app carrying {@link #code()} (the problem type's name), which the app
 * explains.
 */
class OidcException extends ErrorResponseException {

    private final String code;
    /** Whether it refused the finish of a link (the browser goes back to the settings, not the sign-in screen). */
    private boolean duringLink;

    private OidcException(HttpStatus status, String slug, String title, String detail) {
        super(status, Problems.of(status, slug, title, detail), null);
        this.code = slug;
    }

    OidcException duringLink(boolean link) {
        this.duringLink = link;
        return this;
    }

    boolean duringLink() {
        return duringLink;
    }

    /** The problem type's name, e.g. {@code oidc-state-invalid}. */
    String code() {
        return code;
    }

    static OidcException unknownProvider() {
        return new OidcException(HttpStatus.NOT_FOUND, "oidc-provider-not-found", "Unknown sign-in provider",
                "No identity provider with this id is configured.");
    }

    static OidcException unavailable() {
        return new OidcException(HttpStatus.SERVICE_UNAVAILABLE, "oidc-provider-unavailable",
                "Sign-in provider unavailable", "The identity provider could not be reached; try again later.");
    }

    static OidcException stateInvalid() {
        return new OidcException(HttpStatus.BAD_REQUEST, "oidc-state-invalid", "Sign-in expired or not started here",
                "The sign-in was not started in this browser, has expired or was already used.");
    }

    static OidcException denied(String idpError) {
        return "access_denied".equals(idpError)
                ? new OidcException(HttpStatus.FORBIDDEN, "oidc-denied", "Sign-in cancelled",
                        "The identity provider did not let the sign-in go ahead.")
                : new OidcException(HttpStatus.BAD_GATEWAY, "oidc-provider-error", "Sign-in provider error",
                        "The identity provider answered with an error instead of signing you in.");
    }

    static OidcException codeMissing() {
        return new OidcException(HttpStatus.BAD_REQUEST, "oidc-code-missing", "No authorization code",
                "The identity provider sent the browser back without an authorization code.");
    }

    static OidcException exchangeFailed() {
        return new OidcException(HttpStatus.BAD_GATEWAY, "oidc-provider-error", "Sign-in provider error",
                "The identity provider refused to exchange the authorization code.");
    }

    static OidcException idTokenInvalid() {
        return new OidcException(HttpStatus.UNAUTHORIZED, "oidc-id-token-invalid", "Identity not verified",
                "The identity provider's ID token failed validation (signature, issuer, audience, nonce or expiry).");
    }

    static OidcException registrationClosed() {
        return new OidcException(HttpStatus.FORBIDDEN, "oidc-registration-closed", "No Encore account for this sign-in",
                "This provider account is not connected to an Encore account, and this provider may not create accounts.");
    }

    static OidcException emailRefused() {
        return new OidcException(HttpStatus.FORBIDDEN, "oidc-email-refused", "Email not allowed",
                "This provider account has no verified email in a domain this Encore accepts from it.");
    }

    static OidcException emailTaken() {
        return new OidcException(HttpStatus.CONFLICT, "oidc-email-taken", "Email belongs to an account",
                "An Encore account already uses this email. Encore never connects accounts by email: sign in "
                        + "to that account and connect the provider under Account → Security.");
    }

    static OidcException alreadyLinked() {
        return new OidcException(HttpStatus.CONFLICT, "oidc-already-linked", "Connected to another account",
                "This provider account is already connected to another Encore account.");
    }

    static OidcException alreadyConnected() {
        return new OidcException(HttpStatus.CONFLICT, "oidc-already-connected", "Provider already connected",
                "Your account is already connected to this provider; disconnect it first to connect another account.");
    }

    static OidcException notConnected() {
        return new OidcException(HttpStatus.NOT_FOUND, "oidc-not-connected", "Not connected",
                "Your account is not connected to this provider.");
    }

    static OidcException lastSignInMethod() {
        return new OidcException(HttpStatus.CONFLICT, "last-sign-in-method", "Last way to sign in",
                "Your account has no password and no other connected provider: without this one you could not sign in.");
    }

    static OidcException reauthenticationFailed() {
        return new OidcException(HttpStatus.FORBIDDEN, "oidc-reauthentication-failed", "Not confirmed",
                "The provider did not confirm a fresh sign-in of the account connected to yours: another account "
                        + "signed in, or the provider did not say when (auth_time) or reused an older sign-in.");
    }

    static OidcException mfaExpired() {
        return new OidcException(HttpStatus.UNAUTHORIZED, "oidc-mfa-expired", "Sign-in step expired",
                "There is no sign-in waiting for a second factor in this browser, or it has expired.");
    }

    static OidcException accountDisabled() {
        return new OidcException(HttpStatus.FORBIDDEN, "account-disabled", "Account disabled",
                "This account has been disabled.");
    }
}
