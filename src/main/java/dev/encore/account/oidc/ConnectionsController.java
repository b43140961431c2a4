package dev.encore.account.oidc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.account.session.AccessTokenClaims;
import dev.encore.platform.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's connected provider accounts. */
@Tag(name = "me", description = "The signed-in user's account, sessions and two-factor authentication")
@RestController
@RequestMapping("/api/v1/me/connections")
class ConnectionsController {

    private final OidcSignIn signIn;
    private final OidcProviders providers;
    private final OidcCookies cookies;

    ConnectionsController(OidcSignIn signIn, OidcProviders providers, OidcCookies cookies) {
        this.signIn = signIn;
        this.providers = providers;
        this.cookies = cookies;
    }

    /**
     * A connected provider account.
     *
     * @param displayName the provider's display name; its id when it is no longer configured
     * @param email       the email the provider gave at the last sign-in, if any
     */
    record ConnectionResponse(String provider, String displayName, String email, Instant connectedAt,
            Instant lastUsedAt) {
    }

    /**
     * @param hasPassword          whether the account has a password (without one, the last connection stays,
     *                             and sensitive changes need a re-authentication at a connected provider)
     * @param reauthenticatedUntil until when this session's re-authentication stands in for the password of
     *                             an account without one; null when it has none
     */
    record ConnectionsResponse(List<ConnectionResponse> items, boolean hasPassword, Instant reauthenticatedUntil) {
    }

    /** Where to send the browser to connect an account. */
    record LinkResponse(String authorizationUrl) {
    }

    @Operation(summary = "List my connected accounts")
    @GetMapping
    ConnectionsResponse list(@AuthenticationPrincipal Jwt jwt) {
        OidcSignIn.Mine mine = signIn.connections(userId(jwt), AccessTokenClaims.sessionId(jwt));
        return new ConnectionsResponse(mine.connections().stream()
                .map(connection -> new ConnectionResponse(connection.provider(), label(connection.provider()),
                        connection.email(), connection.createdAt(), connection.lastUsedAt()))
                .toList(), mine.hasPassword(), mine.reauthenticatedUntil());
    }

    @Operation(summary = "Connect an account of a provider", description = "Starts the provider's sign-in in link "
            + "mode, bound to this account and this browser (an HttpOnly state cookie): send the browser to "
            + "authorizationUrl; it comes back to /account/security?connected={provider}, or with oidc-error.")
    @ApiResponse(responseCode = "200", description = "Where to send the browser")
    @ApiResponse(responseCode = "404", description = "oidc-provider-not-found")
    @ApiResponse(responseCode = "409", description = "oidc-already-connected")
    @ApiResponse(responseCode = "503", description = "oidc-provider-unavailable")
    @RateLimited(value = "oidc", per = RateLimited.Scope.USER)
    @PostMapping("/{provider}")
    ResponseEntity<LinkResponse> link(@AuthenticationPrincipal Jwt jwt, @PathVariable String provider) {
        return toProvider(signIn.start(provider, userId(jwt)));
    }

    @Operation(summary = "Confirm it is me by signing in at a connected provider again", description = "Sudo mode "
            + "for an account without a password: starts a fresh sign-in at the provider (prompt=login, max_age) bound "
            + "to this session and this browser (an HttpOnly state cookie); send the browser to authorizationUrl. "
            + "When the provider signs in the connected account again, the browser comes back to "
            + "/account/security?reauthenticated={provider}, and for 5 minutes this session may set a password, turn "
            + "two-factor on or delete the account without one; otherwise it comes back with oidc-error (e.g. "
            + "oidc-reauthentication-failed). It never stands in for a password the account has.")
    @ApiResponse(responseCode = "200", description = "Where to send the browser")
    @ApiResponse(responseCode = "404", description = "oidc-not-connected or oidc-provider-not-found")
    @ApiResponse(responseCode = "503", description = "oidc-provider-unavailable")
    @RateLimited(value = "oidc", per = RateLimited.Scope.USER)
    @PostMapping("/{provider}/reauthentication")
    ResponseEntity<LinkResponse> reauthenticate(@AuthenticationPrincipal Jwt jwt, @PathVariable String provider) {
        return toProvider(signIn.startReauthentication(provider, userId(jwt), AccessTokenClaims.sessionId(jwt)));
    }

    @Operation(summary = "Disconnect a provider", description = "Refused while it is the account's only way to sign "
            + "in (no password and no other connection).")
    @ApiResponse(responseCode = "204", description = "Disconnected")
    @ApiResponse(responseCode = "404", description = "oidc-not-connected")
    @ApiResponse(responseCode = "409", description = "last-sign-in-method")
    @DeleteMapping("/{provider}")
    ResponseEntity<Void> unlink(@AuthenticationPrincipal Jwt jwt, @PathVariable String provider) {
        signIn.disconnect(userId(jwt), provider);
        return ResponseEntity.noContent().build();
    }

    /** The started flow's address for the browser, bound to it by the state cookie. */
    private ResponseEntity<LinkResponse> toProvider(OidcFlow.Started started) {
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookies.state(started.state()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(new LinkResponse(started.authorizationUri()));
    }

    private String label(String provider) {
        return providers.configured(provider) ? providers.provider(provider).label(provider) : provider;
    }

    private static UUID userId(Jwt jwt) {
        return AccessTokenClaims.userId(jwt);
    }
}
