package dev.encore.account.oidc;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.encore.account.session.AccountProperties;
import dev.encore.account.session.ClientInfo;
import dev.encore.account.session.SignedIn;
import dev.encore.account.signin.BrowserOrigins;
import dev.encore.account.signin.RefreshCookie;
import dev.encore.account.signin.TokenResponse;
import dev.encore.platform.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * OIDC sign-in for the browser. The authorize and callback endpoints are browser navigations: they
 * answer with redirects (to the provider, or back to the web app with {@code oidc-error=<problem type>}),
 * never with a page of their own. The web app's paths are fixed here; nothing in a request chooses
 * where the browser goes, so there is no open redirect to guard.
 */
@Tag(name = "auth", description = "Registration, login, token refresh and logout")
@RestController
@RequestMapping("/api/v1/auth/oidc")
class OidcController {

    static final String SIGN_IN = "/sign-in";
    static final String SECURITY = "/account/security";

    private final OidcProviders providers;
    private final OidcSignIn signIn;
    private final OidcSecondFactor secondFactor;
    private final OidcCookies cookies;
    private final Browser browser;

    /** What the browser-facing answers need besides the flow: the refresh cookie, origins and token lifetime. */
    @org.springframework.stereotype.Component
    record Browser(RefreshCookie refreshCookie, BrowserOrigins origins, AccountProperties account) {
    }

    OidcController(OidcProviders providers, OidcSignIn signIn, OidcSecondFactor secondFactor, OidcCookies cookies,
            Browser browser) {
        this.providers = providers;
        this.signIn = signIn;
        this.secondFactor = secondFactor;
        this.cookies = cookies;
        this.browser = browser;
    }

    /** A code for a sign-in waiting for its second factor. */
    record SecondFactorRequest(@Size(max = 16) String totpCode, @Size(max = 32) String recoveryCode) {

        @Override
        public String toString() {
            return "SecondFactorRequest[]"; // never the codes
        }
    }

    @Operation(summary = "List the sign-in providers", description = "Public: the identity providers the sign-in "
            + "screen offers (id and display name); empty when OIDC sign-in is not configured.")
    @GetMapping("/providers")
    List<OidcProviders.ProviderView> providers() {
        return providers.list();
    }

    @Operation(summary = "Start signing in with a provider", description = "A browser navigation: 302 to the "
            + "provider's authorization endpoint (authorization code flow, PKCE S256, state and nonce), with the "
            + "state in an HttpOnly cookie. When the provider cannot be reached: 302 to /sign-in?oidc-error="
            + "oidc-provider-unavailable.")
    @ApiResponse(responseCode = "302", description = "To the provider, or back to the sign-in screen")
    @ApiResponse(responseCode = "404", description = "oidc-provider-not-found")
    @ApiResponse(responseCode = "429", description = "rate-limited: 30 OIDC requests per 15 minutes per client")
    @RateLimited(value = "oidc", per = RateLimited.Scope.CLIENT)
    @GetMapping("/{provider}/authorize")
    ResponseEntity<Void> authorize(@PathVariable String provider) {
        providers.provider(provider);
        try {
            OidcFlow.Started started = signIn.start(provider, null);
            return redirect(URI.create(started.authorizationUri()), cookies.state(started.state()));
        }
        catch (OidcException refused) {
            return redirect(app(SIGN_IN, "oidc-error", refused.code()));
        }
    }

    @Operation(summary = "Finish signing in with a provider", description = "Where the provider sends the browser "
            + "back. Checks the state against the cookie (single use), exchanges the code with the PKCE verifier and "
            + "validates the ID token, then: 302 to /?signed-in=oidc with the refresh cookie set (signed in); to /sign-in?oidc=mfa "
            + "when the account uses two-factor (finish with POST /api/v1/auth/oidc/mfa); to /account/security?"
            + "connected={provider} after a link; or to /sign-in (or /account/security for a link) with "
            + "oidc-error={problem type} when refused.")
    @ApiResponse(responseCode = "302", description = "Back to the web app")
    @ApiResponse(responseCode = "429", description = "rate-limited: 30 OIDC requests per 15 minutes per client")
    @RateLimited(value = "oidc", per = RateLimited.Scope.CLIENT)
    @GetMapping("/{provider}/callback")
    ResponseEntity<Void> callback(@PathVariable String provider, @RequestParam(required = false) String state,
            @RequestParam(required = false) String code, @RequestParam(required = false) String error,
            HttpServletRequest http) {
        String boundState = OidcCookies.value(http, OidcCookies.STATE);
        String clearState = cookies.expired(OidcCookies.STATE);
        try {
            OidcSignIn.Outcome outcome = signIn.finish(provider, new OidcFlow.Callback(state, code, error),
                    boundState, ClientInfo.of(http));
            if (outcome.linked()) {
                return redirect(app(SECURITY, "connected", provider), clearState);
            }
            if (outcome.reauthenticated()) {
                return redirect(app(SECURITY, "reauthenticated", provider), clearState);
            }
            if (outcome.mfaTicket() != null) {
                return redirect(app(SIGN_IN, "oidc", "mfa"), clearState, cookies.mfaTicket(outcome.mfaTicket()));
            }
            return redirect(app("/", "signed-in", "oidc"), clearState,
                    browser.refreshCookie().carrying(outcome.signedIn().refreshToken()));
        }
        catch (OidcException refused) {
            return redirect(app(refused.duringLink() ? SECURITY : SIGN_IN, "oidc-error", refused.code()), clearState);
        }
    }

    @Operation(summary = "Finish an OIDC sign-in with the second factor", description = "For an account with "
            + "two-factor on, after the provider's sign-in: the ticket travels in an HttpOnly cookie; send totpCode "
            + "or recoveryCode from the web app (its Origin). Answers like a login in cookie mode.")
    @ApiResponse(responseCode = "200", description = "Signed in; the refresh token is in the HttpOnly cookie")
    @ApiResponse(responseCode = "401", description = "oidc-mfa-expired, mfa-required or invalid-mfa-code")
    @ApiResponse(responseCode = "403", description = "origin-refused or account-disabled")
    @ApiResponse(responseCode = "429", description = "rate-limited: login's figures, per client and per account")
    @PostMapping("/mfa")
    ResponseEntity<TokenResponse> mfa(@Valid @RequestBody SecondFactorRequest request, HttpServletRequest http) {
        browser.origins().requireAllowed(http);
        SignedIn signedIn = secondFactor.complete(OidcCookies.value(http, OidcCookies.MFA), request.totpCode(),
                request.recoveryCode(), ClientInfo.of(http));
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookies.expired(OidcCookies.MFA))
                .header(HttpHeaders.SET_COOKIE, browser.refreshCookie().carrying(signedIn.refreshToken()))
                .body(TokenResponse.from(signedIn, true, browser.account().accessTokenTtl().toSeconds()));
    }

    /** A path of the web app with one query parameter (a fixed name; the value encoded). */
    static URI app(String path, String name, String value) {
        return UriComponentsBuilder.fromPath(path).queryParam(name, value).encode().build().toUri();
    }

    private static ResponseEntity<Void> redirect(URI location, String... setCookies) {
        return ResponseEntity.status(HttpStatus.FOUND).location(location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.SET_COOKIE, setCookies).build();
    }
}
