package dev.encore.account.signin;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.account.session.AccountProperties;
import dev.encore.account.session.ClientInfo;
import dev.encore.account.session.DeviceSessions;
import dev.encore.account.session.InvalidRefreshTokenException;
import dev.encore.account.session.SignedIn;
import dev.encore.account.session.TokenRefresh;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Signing in and out; the refresh token travels in the body, or in an HttpOnly cookie for browsers. */
@Tag(name = "auth", description = "Registration, login, token refresh and logout")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    static final String REFRESH_COOKIE = RefreshCookie.NAME;

    private final SignIn signIn;
    private final TokenRefresh tokens;
    private final DeviceSessions sessions;
    private final BrowserOrigins origins;
    private final AccountProperties properties;
    private final RefreshCookie refreshCookie;

    AuthController(SignIn signIn, TokenRefresh tokens, DeviceSessions sessions, BrowserOrigins origins,
            AccountProperties properties, RefreshCookie refreshCookie) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.sessions = sessions;
        this.origins = origins;
        this.properties = properties;
        this.refreshCookie = refreshCookie;
    }

    record RefreshRequest(@Size(max = 128) String refreshToken) {
    }

    @Operation(summary = "Log in", description = "By username or email. 401 mfa-required when a second factor "
            + "is needed. With ?cookie=true the refresh token is set as an HttpOnly cookie instead of returned.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "invalid-credentials, mfa-required or invalid-mfa-code")
    @ApiResponse(responseCode = "403", description = "account-disabled")
    @ApiResponse(responseCode = "429", description = "rate-limited: 10 attempts per 15 minutes per client and per account")
    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request,
            @RequestParam(defaultValue = "false") boolean cookie, HttpServletRequest http, HttpServletResponse response) {
        return answer(signIn.login(request, ClientInfo.of(http)), cookie, response);
    }

    @Operation(summary = "Rotate the refresh token", description = "Spends the refresh token (from the body, or "
            + "the cookie with an allowed Origin) and returns new tokens. Reusing a spent token ends the session. "
            + "When a token from the cookie is refused (401), the answer expires the cookie.")
    @ApiResponse(responseCode = "200", description = "New tokens")
    @ApiResponse(responseCode = "401", description = "invalid-refresh-token, or refresh-token-reused (the session is ended)")
    @ApiResponse(responseCode = "403", description = "origin-refused: cookie refresh without an Origin that is this server's own, the public URL or an allowed one")
    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody(required = false) RefreshRequest request,
            @RequestParam(defaultValue = "false") boolean cookie, HttpServletRequest http, HttpServletResponse response) {
        String token = request == null ? null : request.refreshToken();
        boolean fromCookie = token == null || token.isBlank();
        if (fromCookie) {
            token = cookieValue(http);
            if (token == null || token.isBlank()) {
                throw InvalidRefreshTokenException.missing(); // nothing a forged cross-site request could spend
            }
            origins.requireAllowed(http); // a cookie goes with every request to us: only our own pages may spend it
        }
        try {
            return answer(tokens.refresh(token, ClientInfo.of(http)), cookie || fromCookie, response);
        }
        catch (ErrorResponseException refused) {
            if (fromCookie) { // spent, reused, expired or unknown: the browser need not send it again
                refused.getHeaders().add(HttpHeaders.SET_COOKIE, expiredCookie());
            }
            throw refused;
        }
    }

    @Operation(summary = "Log out", description = "Ends the session of the access token; the token stops working at once.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt, HttpServletResponse response) {
        sessions.logout(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaimAsString("sid")), jwt.getId(),
                jwt.getExpiresAt());
        response.addHeader(HttpHeaders.SET_COOKIE, expiredCookie());
        return ResponseEntity.noContent().build();
    }

    private TokenResponse answer(SignedIn signedIn, boolean cookie, HttpServletResponse response) {
        if (cookie) {
            response.addHeader(HttpHeaders.SET_COOKIE, refreshCookie.carrying(signedIn.refreshToken()));
        }
        return TokenResponse.from(signedIn, cookie, properties.accessTokenTtl().toSeconds());
    }

    /** The refresh cookie, emptied and expired: the same name, path and attributes as when it was set. */
    private String expiredCookie() {
        return refreshCookie.expired();
    }

    private static String cookieValue(HttpServletRequest request) {
        return RefreshCookie.read(request, REFRESH_COOKIE);
    }
}
