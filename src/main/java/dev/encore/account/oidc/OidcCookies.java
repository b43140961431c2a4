package dev.encore.account.oidc;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import dev.encore.account.session.AccountProperties;
import dev.encore.account.signin.RefreshCookie;

/**
 * The cookies of the OIDC flow, HttpOnly and sent to {@code /api/v1/auth/oidc} only. The state cookie
 * binds a started flow to the browser; it is SameSite=Lax because the provider sends the browser back
 * with a cross-site navigation, which a Strict cookie would miss. The second-factor ticket is Strict:
 * only the web app's own request sends it.
 */
@Component
class OidcCookies {

    static final String STATE = "encore_oidc_state";
    static final String MFA = "encore_oidc_mfa";
    private static final String PATH = "/api/v1/auth/oidc";

    private final AccountProperties account;
    private final OidcProperties oidc;

    OidcCookies(AccountProperties account, OidcProperties oidc) {
        this.account = account;
        this.oidc = oidc;
    }

    String state(String state) {
        return cookie(STATE, state, "Lax", oidc.attemptTtl());
    }

    String mfaTicket(String ticket) {
        return cookie(MFA, ticket, "Strict", oidc.attemptTtl());
    }

    String expired(String name) {
        return cookie(name, "", STATE.equals(name) ? "Lax" : "Strict", Duration.ZERO);
    }

    private String cookie(String name, String value, String sameSite, Duration maxAge) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(account.secureCookie()).sameSite(sameSite)
                .path(PATH).maxAge(maxAge).build().toString();
    }

    /** The value of the cookie {@code name} the request carries; null when none. */
    static String value(HttpServletRequest request, String name) {
        return RefreshCookie.read(request, name);
    }
}
